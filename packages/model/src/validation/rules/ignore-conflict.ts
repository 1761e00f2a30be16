import { matchesPattern } from '../../ignore.ts';
import { type OrganizationalUnit, type Parent, pathOf } from '../../organization-unit.ts';
import type { Site } from '../../site.ts';
import { accountPath, ouPath, permissionSetPath } from '../paths.ts';
import type { Finding } from '../rule.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

/**
 * orgops never touches an ignored resource, so a resource that is both managed and ignored has
 * contradictory intent: its config would silently do nothing.
 */
export const ignoreConflict = defineRule(
  {
    code: 'ignore-conflict',
    severity: 'error',
    description:
      'No managed policy, permission set, OU, account or trusted service also matches an `ignore` pattern.',
  },
  (ctx) => {
    const ignore = ctx.config.ignore ?? {};
    const out: Finding[] = [];
    const check = (
      list: 'policies' | 'permissionSets' | 'organizationalUnits' | 'accounts' | 'trustedServices',
      values: readonly string[],
      what: string,
      path: string,
      site: Site | undefined,
    ): void => {
      for (const [i, pattern] of (ignore[list] ?? []).entries()) {
        const hit = values.find((v) => matchesPattern(v, pattern));
        if (hit === undefined) continue;
        out.push({
          message: `${what} is managed in this config but also matches ignore pattern "${pattern}" (ignore.${list}[${i}]${list === 'organizationalUnits' && hit !== values[0] ? `, which covers everything under ${hit}` : ''}), so orgops would never change it.`,
          path,
          site,
          value: pattern,
          fix: `Either remove it from the config (it stays owned by whoever owns "${pattern}"), or narrow or remove the pattern "${pattern}" in ignore.${list}.`,
        });
        return;
      }
    };
    for (const { policy: p, path } of distinctPolicies(ctx)) {
      if (!p.awsManaged) check('policies', [p.name], `Policy "${p.name}"`, path, p.site);
    }
    for (const ps of ctx.collected.permissionSets) {
      check('permissionSets', [ps.name], `Permission set "${ps.name}"`, permissionSetPath(ps), ps.site);
    }
    // Ignoring an OU ignores its subtree, so ancestors count too.
    for (const ou of ctx.collected.ous) {
      check('organizationalUnits', lineage(ou), `OU ${pathOf(ou)}`, ouPath(ou), ou.site);
    }
    for (const a of ctx.collected.accounts) {
      const keys = [...new Set([a.email, a.email.toLowerCase(), ...(a.id ? [a.id] : [])])];
      check('accounts', keys, `Account "${a.name}"`, accountPath(a), a.site);
      if (a.parent.kind === 'ou') {
        check(
          'organizationalUnits',
          lineage(a.parent),
          `Account "${a.name}" (in ${pathOf(a.parent)})`,
          accountPath(a),
          a.site,
        );
      }
    }
    for (const s of ctx.config.trustedServices ?? []) {
      check(
        'trustedServices',
        [s.principal],
        `Trusted service ${s.principal}`,
        `trustedServices[${s.principal}]`,
        s.site,
      );
    }
    return out;
  },
);

/** The OU's own path first, then each ancestor's. */
function lineage(node: Parent): string[] {
  const out: string[] = [];
  for (let n: Parent = node; n.kind === 'ou'; n = (n as OrganizationalUnit).parent) out.push(pathOf(n));
  return out;
}
