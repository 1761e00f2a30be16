import { LIMITS } from '../../limits.ts';
import { describeCharacters, LIMITS_NOTE, quoted } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { permissionSetNameMaxLength: max, permissionSetNamePattern: pattern } = LIMITS.identityCenter;

export const permissionSetName = defineRule(
  {
    code: 'permission-set-name',
    severity: 'error',
    description: `Permission set names are 1–${max} characters of letters, digits and +=,.@_- (AWS cannot rename one later).`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      const problem =
        ps.name.length === 0 || ps.name.length > max
          ? `is ${ps.name.length} characters; IAM Identity Center allows 1–${max} ${LIMITS_NOTE}`
          : pattern.test(ps.name)
            ? undefined
            : `contains ${describeCharacters([...ps.name].filter((ch) => !/[\w+=,.@-]/.test(ch)))}; only letters, digits and +=,.@_- are allowed`;
      if (!problem) return [];
      const suggestion = ps.name.replace(/[^\w+=,.@-]+/g, '-').slice(0, max) || 'ReadOnly';
      return [
        {
          message: `Permission set name ${quoted(ps.name)} ${problem}.`,
          path: `${permissionSetPath(ps)}.name`,
          site: ps.site,
          value: ps.name,
          fix: `Use a name of 1–${max} characters from [A-Za-z0-9+=,.@_-], e.g. "${suggestion}"; the name becomes part of the IAM role name in every account.`,
        },
      ];
    }),
);
