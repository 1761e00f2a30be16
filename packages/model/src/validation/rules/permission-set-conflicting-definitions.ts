import { canonicalJson } from '../../canonical-json.ts';
import { normalizePermissionSet } from '../../normalize.ts';
import type { PermissionSet } from '../../permission-set.ts';
import { formatSite } from '../../site.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

/** Permission sets are keyed by name; normalize keeps the first of two same-named objects. */
export const permissionSetConflictingDefinitions = defineRule(
  {
    code: 'permission-set-conflicting-definitions',
    severity: 'error',
    description: 'Two permission set objects with the same name have identical settings.',
  },
  ({ collected }) => {
    const first = new Map<string, PermissionSet>();
    return collected.permissionSets.flatMap((ps) => {
      const earlier = first.get(ps.name);
      if (!earlier) {
        first.set(ps.name, ps);
        return [];
      }
      if (fingerprint(earlier) === fingerprint(ps)) return [];
      return [
        {
          message: `Permission set "${ps.name}" is defined twice with different settings${earlier.site ? ` (the other is at ${formatSite(earlier.site)})` : ''}; only one can exist in IAM Identity Center.`,
          path: permissionSetPath(ps),
          site: ps.site,
          value: ps.name,
          fix: 'Define the permission set once, export it, and import that object in every assignment; if both variants are intended, give them different names.',
        },
      ];
    });
  },
);

function fingerprint(ps: PermissionSet): string {
  const { site: _site, ...rest } = normalizePermissionSet(ps);
  return canonicalJson(rest);
}
