import { matchesOuPattern } from '../../ignore.ts';
import { pathOf } from '../../organization-unit.ts';
import { defineRule } from '../rule.ts';

export const referenceQuarantineOu = defineRule(
  {
    code: 'reference-quarantine-ou',
    severity: 'error',
    description:
      'The quarantine OU is listed in `organizationalUnits` and not covered by `ignore.organizationalUnits`.',
  },
  ({ config }) => {
    const q = config.quarantine;
    if (!q) return [];
    const path = pathOf(q.organizationalUnit);
    const listed = config.organizationalUnits.some((ou) => pathOf(ou) === path);
    if (!listed) {
      return [
        {
          message: `The quarantine OU ${path} is not listed in organizationalUnits, so orgops would not manage its guardrails.`,
          path: 'quarantine.organizationalUnit',
          site: q.site,
          value: path,
          fix: `Add the OU "${q.organizationalUnit.name}" to \`organizationalUnits\`, with the quarantine guardrails in its policies.`,
        },
      ];
    }
    if (matchesOuPattern(path, config.ignore?.organizationalUnits)) {
      return [
        {
          message: `The quarantine OU ${path} matches ignore.organizationalUnits: orgops could neither see the accounts held there nor keep their guardrails.`,
          path: 'quarantine.organizationalUnit',
          site: q.site,
          value: path,
          fix: `Narrow the ignore.organizationalUnits pattern that matches ${path}, or name an OU orgops manages as the quarantine OU.`,
        },
      ];
    }
    return [];
  },
);
