import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE, quoted } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { PATTERNS } from '../patterns.ts';
import { defineRule } from '../rule.ts';

const max = LIMITS.identityCenter.permissionSetDescriptionMaxLength;

export const permissionSetDescription = defineRule(
  {
    code: 'permission-set-description',
    severity: 'error',
    description: `Permission set descriptions are at most ${max} characters of Latin-1 text (tab, newline and U+0020–U+00FF).`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      const d = ps.description;
      if (d === undefined) return [];
      const bad = [...d].filter((ch) => !PATTERNS.permissionSetDescription.test(ch));
      const problem =
        d.length > max
          ? `is ${d.length} characters; IAM Identity Center allows at most ${max} ${LIMITS_NOTE}`
          : bad.length > 0
            ? `contains characters IAM Identity Center rejects: ${[...new Set(bad)].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}`
            : undefined;
      if (!problem) return [];
      return [
        {
          message: `Permission set ${quoted(ps.name)} description ${problem}.`,
          path: `${permissionSetPath(ps)}.description`,
          site: ps.site,
          value: d,
          fix: `Keep the description to ${max} characters of plain text (no emoji, smart quotes or characters beyond U+00FF).`,
        },
      ];
    }),
);
