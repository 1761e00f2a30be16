import { assignmentPath, assignmentTargetLabel } from '../paths.ts';
import { defineRule } from '../rule.ts';

/**
 * A warning: accounts not managed here may carry the tag at plan time, but far more often the key
 * or value is misspelt and the assignment silently grants nothing.
 */
export const assignmentTagMatchesNothing = defineRule(
  {
    code: 'assignment-tag-matches-nothing',
    severity: 'warning',
    plural: 'tag targets that match no account',
    description: 'An accountsTagged(...) assignment target matches at least one account in the config.',
  },
  ({ config, collected }) =>
    (config.assignments ?? []).flatMap((a) =>
      a.targets.flatMap((t, i) => {
        if (t.kind !== 'tag') return [];
        const matches = collected.accounts.some((acct) => {
          const tags = acct.tags ?? {};
          return Object.hasOwn(tags, t.key) && (t.value === undefined || tags[t.key] === t.value);
        });
        if (matches) return [];
        const values = [
          ...new Set(
            collected.accounts.flatMap((acct) =>
              acct.tags && Object.hasOwn(acct.tags, t.key) ? [acct.tags[t.key]!] : [],
            ),
          ),
        ];
        return [
          {
            message: `Assignment of "${a.permissionSet.name}" to ${a.principal.name} targets accounts tagged ${t.value === undefined ? `"${t.key}"` : `"${t.key}=${t.value}"`}, but no account in the config has that tag${values.length ? ` (values in use for "${t.key}": ${values.map((v) => `"${v}"`).join(', ')})` : ''}.`,
            path: `${assignmentPath(a)}.targets[${i}]`,
            site: a.site,
            value: assignmentTargetLabel(t),
            fix: `Check the spelling of the tag key and value, or tag the intended accounts: account({ ..., tags: { ${JSON.stringify(t.key)}: ${JSON.stringify(t.value ?? '')} } }).`,
          },
        ];
      }),
    ),
);
