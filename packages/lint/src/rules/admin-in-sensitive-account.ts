import { expandAssignments } from '@orgops/engine';
import { assignmentPath, type DesiredAccount, inert } from '@orgops/model';
import { isAdminEquivalent, type SensitiveKind, sensitiveKind } from '../admin.ts';
import { type Draft, defineLintRule } from '../rule.ts';
import { assignmentSubject } from '../subjects.ts';

const NAMES_SHOWN = 5;

/** One finding per assignment rule, naming the sensitive accounts it reaches by kind. */
export const adminInSensitiveAccount = defineLintRule(
  {
    id: 'admin-in-sensitive-account',
    severity: 'warning',
    title: 'Admin access in a production, security or management account',
    description:
      'No admin-equivalent permission set is assigned in the management account, a production account or a security account (log archive, security tooling, audit).',
  },
  ({ config, desired }) =>
    (config.assignments ?? []).flatMap((a, index): Draft[] => {
      const rule = desired.assignments[index];
      const ps = desired.permissionSets.find((p) => p.name === a.permissionSet.name);
      if (!rule || !ps || !isAdminEquivalent(ps)) return [];
      const emails = new Set(expandAssignments({ ...desired, assignments: [rule] }).map((t) => t.email));
      const byKind = new Map<SensitiveKind, DesiredAccount[]>();
      for (const account of desired.accounts) {
        const kind = emails.has(account.email) ? sensitiveKind(account) : undefined;
        if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), account]);
      }
      if (byKind.size === 0) return [];
      const where = (['management', 'security', 'production'] as const)
        .filter((k) => byKind.has(k))
        .map((k) => {
          const accounts = byKind.get(k) ?? [];
          const names = accounts.slice(0, NAMES_SHOWN).map((acct) => inert(acct.name));
          const more = accounts.length > NAMES_SHOWN ? `, … ${accounts.length - NAMES_SHOWN} more` : '';
          return `${k} (${names.join(', ')}${more})`;
        });
      const who = `${a.principal.type === 'GROUP' ? 'group' : 'user'} ${inert(a.principal.name)}`;
      return [
        {
          message: `${who} holds admin-equivalent ${inert(a.permissionSet.name)} in ${where.join('; ')} accounts. Admin there can read customer data, erase the audit trail or, in the management account, detach every guardrail.`,
          fix: 'Exclude these accounts (assign(..., { exclude: [...] })) and use break-glass or a narrower permission set there, or waive this finding with the reason (waive(...)).',
          path: assignmentPath(a),
          subject: assignmentSubject(a),
          site: a.site,
          value: [...byKind.values()].flat().map((acct) => acct.name),
        },
      ];
    }),
);
