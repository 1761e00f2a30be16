import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE, quoted } from '../messages.ts';
import { ouPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const max = LIMITS.organizations.maxOuNameLength;

/** OUs are keyed by path, so a `/` inside a name would make two different trees share a path. */
export const ouName = defineRule(
  {
    code: 'ou-name',
    severity: 'error',
    description: `OU names are 1–${max} characters, without "/" (orgops keys OUs by their /-separated path).`,
  },
  ({ collected }) =>
    collected.ous.flatMap((ou) => {
      const tooLong = ou.name.length === 0 || ou.name.length > max;
      if (!tooLong && !ou.name.includes('/')) return [];
      const shown = quoted(ou.name, 40);
      return [
        {
          message: tooLong
            ? `OU name ${ou.name.length === 0 ? 'is empty' : `${shown} is ${ou.name.length} characters`}; AWS allows 1–${max} ${LIMITS_NOTE}.`
            : `OU name ${shown} contains "/", which orgops uses to separate the names in an OU path (/Workloads/Prod).`,
          path: `${ouPath(ou)}.name`,
          site: ou.site,
          value: ou.name,
          fix: tooLong
            ? `Give the OU a name of 1–${max} characters.`
            : `Rename the OU without "/", e.g. ${quoted(ou.name.replaceAll('/', '-'))}, or nest a child OU if a hierarchy was meant.`,
        },
      ];
    }),
);
