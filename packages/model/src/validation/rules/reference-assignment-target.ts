import { pathOf } from '../../organization-unit.ts';
import { assignmentPath } from '../paths.ts';
import type { Finding } from '../rule.ts';
import { defineRule } from '../rule.ts';

export const referenceAssignmentTarget = defineRule(
  {
    code: 'reference-assignment-target',
    severity: 'error',
    description:
      'Accounts and OUs an assignment targets or excludes are listed in `accounts` / `organizationalUnits`.',
  },
  ({ config }) => {
    const accounts = new Set(config.accounts.map((a) => a.email.toLowerCase()));
    const ous = new Set(config.organizationalUnits.map((ou) => pathOf(ou)));
    return (config.assignments ?? []).flatMap((a) => {
      const base = assignmentPath(a);
      const out: Finding[] = [];
      a.targets.forEach((t, i) => {
        if (t.kind === 'account' && !accounts.has(t.email.toLowerCase())) {
          out.push({
            message: `Assignment of "${a.permissionSet.name}" to ${a.principal.name} targets account "${t.name}" (${t.email}), which is not listed in accounts.`,
            path: `${base}.targets[${i}]`,
            site: a.site,
            value: t.email,
            fix: `Add the account "${t.name}" to \`accounts\` in defineOrganization(...), or target an OU that contains it.`,
          });
        } else if (t.kind === 'ou' && !ous.has(pathOf(t))) {
          out.push({
            message: `Assignment of "${a.permissionSet.name}" to ${a.principal.name} targets OU ${pathOf(t)}, which is not listed in organizationalUnits.`,
            path: `${base}.targets[${i}]`,
            site: a.site,
            value: pathOf(t),
            fix: `Add the OU "${t.name}" to \`organizationalUnits\` in defineOrganization(...).`,
          });
        }
      });
      (a.exclude ?? []).forEach((x, i) => {
        if (accounts.has(x.email.toLowerCase())) return;
        out.push({
          message: `Assignment of "${a.permissionSet.name}" to ${a.principal.name} excludes account "${x.name}" (${x.email}), which is not listed in accounts, so the exclusion can never match.`,
          path: `${base}.exclude[${i}]`,
          site: a.site,
          value: x.email,
          fix: `Add the account "${x.name}" to \`accounts\`, or remove it from \`exclude\`.`,
        });
      });
      return out;
    });
  },
);
