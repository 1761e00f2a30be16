import {
  canonicalizeJsonText,
  canonicalJson,
  type DesiredPermissionSet,
  normalizeSessionDuration,
} from '@orgops/model';
import type { SnapshotPermissionSet } from '../snapshot.ts';
import { accountLabel, type OracleContext, sameTags, showTags } from './oracle-context.ts';

type Fields = Record<string, string>;

/**
 * Either side (config or live) in one comparable form: empty text and absence are the same, lists
 * are sets. One function for both, so the two sides cannot be normalized differently.
 */
function comparableFields(ps: DesiredPermissionSet | SnapshotPermissionSet): Fields {
  return {
    description: ps.description ?? '',
    sessionDuration: normalizeSessionDuration(ps.sessionDuration),
    relayState: ps.relayState ?? '',
    inlinePolicy: ps.inlinePolicy ? canonicalizeJsonText(ps.inlinePolicy) : '',
    managedPolicies: canonicalJson([...new Set(ps.managedPolicies)].sort()),
    customerManagedPolicies: references(ps.customerManagedPolicies),
    permissionsBoundary: boundary(ps.permissionsBoundary),
  };
}

function references(list: readonly { readonly name: string; readonly path?: string }[]): string {
  return canonicalJson([...new Set(list.map((r) => `${r.path || '/'}${r.name}`))].sort());
}

function boundary(
  b:
    | { readonly managedPolicyArn: string }
    | { readonly customerManagedPolicy: { readonly name: string; readonly path?: string } }
    | undefined,
): string {
  if (!b) return '';
  if ('managedPolicyArn' in b) return `managed ${b.managedPolicyArn}`;
  return `customer-managed ${b.customerManagedPolicy.path || '/'}${b.customerManagedPolicy.name}`;
}

/**
 * Each config permission set exists with config's fields and tags; any other one must be ignored.
 * Wherever a managed permission set is provisioned, every active account runs its latest version,
 * accounts under `ignore` included: their roles still come from this permission set.
 */
export function checkPermissionSets(ctx: OracleContext): void {
  const ic = ctx.snapshot.identityCenter;
  if (!ic) {
    if (ctx.desired.permissionSets.length > 0 || ctx.desired.assignments.length > 0)
      ctx.report('identity-center-missing', 'organization', 'an IAM Identity Center instance', 'none');
    return;
  }
  const declared = new Set(ctx.desired.permissionSets.map((p) => p.name));
  for (const ps of ctx.desired.permissionSets) {
    const where = `permission set ${ps.name}`;
    const live = ic.permissionSets.find((x) => x.name === ps.name);
    if (!live) {
      ctx.report('permission-set-missing', where, 'a permission set with this name', 'none');
      continue;
    }
    const want = comparableFields(ps);
    const have = comparableFields(live);
    for (const field of Object.keys(want)) {
      if (want[field] !== have[field])
        ctx.report(
          'permission-set-field',
          `${where} ${field}`,
          JSON.stringify(want[field]),
          JSON.stringify(have[field]),
        );
    }
    if (!sameTags(live.tags, ps.tags))
      ctx.report('permission-set-field', `${where} tags`, showTags(ps.tags), showTags(live.tags));
  }
  for (const live of ic.permissionSets) {
    if (declared.has(live.name) || ctx.ignore.permissionSet(live.name)) continue;
    ctx.report(
      'permission-set-unexpected',
      `permission set ${live.name}`,
      'no such permission set',
      'exists',
    );
  }
  for (const live of ic.permissionSets) {
    if (!declared.has(live.name)) continue;
    for (const accountId of live.outdatedIn) {
      const account = ctx.snapshot.accounts.find((a) => a.id === accountId);
      // Closing and closed accounts cannot be provisioned any more.
      if (account?.state !== 'ACTIVE') continue;
      ctx.report(
        'permission-set-outdated',
        `permission set ${live.name} in ${accountLabel(account)}`,
        'latest version provisioned',
        'an older version',
      );
    }
  }
}
