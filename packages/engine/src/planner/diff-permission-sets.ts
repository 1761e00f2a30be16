import {
  canonicalizeJsonText,
  type DesiredPermissionSet,
  type DesiredState,
  normalizeSessionDuration,
} from '@orgops/model';
import { address } from '../addresses.ts';
import type { AccountRef } from '../change.ts';
import type { PermissionSetFields, SnapshotPermissionSet } from '../snapshot.ts';
import { diffTags, type PlanBuilder } from './builder.ts';
import { isLiveAccount, type LiveIndex } from './live-index.ts';

/** Fields that live on the permission set only, not in the roles provisioned from it. */
const PERMISSION_SET_ONLY = new Set(['tags', 'description', 'relayState']);

const FIELDS: readonly (keyof PermissionSetFields)[] = [
  'description',
  'sessionDuration',
  'relayState',
  'inlinePolicy',
  'managedPolicies',
  'customerManagedPolicies',
  'permissionsBoundary',
  'tags',
];

/**
 * Permission sets are matched by name (AWS cannot rename them). Any change to one is followed by a
 * re-provision in every account that has it, because AWS does not update the roles by itself; an
 * account still on an older version (changed outside orgops) is re-provisioned too.
 */
export function diffPermissionSets(desired: DesiredState, live: LiveIndex, out: PlanBuilder): void {
  if (desired.permissionSets.length > 0 && !live.snapshot.identityCenter) {
    out.error('no-identity-center', {
      message: `The config defines ${desired.permissionSets.length} permission set(s) (${desired.permissionSets.map((p) => p.name).join(', ')}), but the organization has no IAM Identity Center instance.`,
      path: 'permissionSets',
      site: desired.permissionSets[0]?.site,
      fix: 'Enable IAM Identity Center in the management account (or remove the permission sets).',
    });
    return;
  }
  const wanted = new Set(desired.permissionSets.map((p) => p.name));
  const accountById = new Map(live.snapshot.accounts.map((a) => [a.id, a]));
  for (const ps of desired.permissionSets) {
    const current = live.permissionSetByName.get(ps.name);
    const after = fieldsOf(ps);
    if (current?.description && !ps.description) {
      // UpdatePermissionSet keeps the description when it is left out and rejects an empty one
      // (TF#41897), so no update can remove it: planning one would come back on every plan.
      out.error('permission-set-description-not-removable', {
        message: `Permission set ${ps.name} has the description "${current.description}" in AWS and none in config; AWS cannot remove a permission set's description, only replace it.`,
        path: `permissionSets[${ps.name}].description`,
        site: ps.site,
        fix: `Set description: '${current.description}' (or a new text) on ${ps.name}. Only deleting and recreating the permission set clears it, which recreates every assignment.`,
      });
      continue;
    }
    if (!current) {
      out.add('write-permission-sets', {
        kind: 'permission-set-create',
        action: 'create',
        name: ps.name,
        after,
        address: address.permissionSet(ps.name),
      });
      continue;
    }
    const before = liveFieldsOf(current);
    const changedBefore: Partial<Record<keyof PermissionSetFields, unknown>> = {};
    const changedAfter: Partial<Record<keyof PermissionSetFields, unknown>> = {};
    for (const field of FIELDS) {
      const same =
        field === 'tags'
          ? !diffTags(before.tags, after.tags)
          : JSON.stringify(before[field]) === JSON.stringify(after[field]);
      if (!same) {
        changedBefore[field] = before[field];
        changedAfter[field] = after[field];
      }
    }
    const changed = Object.keys(changedAfter).length > 0;
    if (changed) {
      out.add('write-permission-sets', {
        kind: 'permission-set-update',
        action: 'update',
        name: ps.name,
        arn: current.arn,
        before: changedBefore as Partial<PermissionSetFields>,
        after: changedAfter as Partial<PermissionSetFields>,
        address: address.permissionSet(ps.name),
      });
    }
    // Tags, the description and the relay state live on the permission set only; the roles in
    // the accounts do not carry them, so changing them leaves every account current.
    const rolesChange = changed && Object.keys(changedAfter).some((f) => !PERMISSION_SET_ONLY.has(f));
    const accounts = new Set([...(rolesChange ? current.provisionedTo : []), ...current.outdatedIn]);
    // Every account that runs the role, ignored ones included: the permission set is managed here,
    // so an ignored account must not keep an older, wider version of it.
    const refs: AccountRef[] = [...accounts]
      .map((id) => accountById.get(id))
      .filter((a) => a !== undefined && isLiveAccount(a))
      .map((a) => ({ email: a!.email.toLowerCase(), id: a!.id, name: a!.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (refs.length) {
      out.add('provision', {
        kind: 'permission-set-provision',
        action: 'provision',
        name: ps.name,
        accounts: refs,
        address: address.provision(ps.name),
        reason: rolesChange
          ? 're-provision after update'
          : 'accounts run an outdated version (changed outside orgops)',
      });
    }
  }
  const created = desired.permissionSets.filter((p) => !live.permissionSetByName.has(p.name));
  for (const ps of live.permissionSetByName.values()) {
    if (wanted.has(ps.name)) continue;
    const fields = JSON.stringify({ ...liveFieldsOf(ps), tags: undefined });
    const twin = created.find((c) => JSON.stringify({ ...fieldsOf(c), tags: undefined }) === fields);
    out.add('delete-permission-sets', {
      kind: 'permission-set-delete',
      action: 'delete',
      name: ps.name,
      arn: ps.arn,
      address: address.permissionSet(ps.name),
      hint: twin
        ? `${twin.name} has the same settings: AWS cannot rename a permission set, so this replaces ${ps.name} with ${twin.name}; its assignments are recreated and users get a new role in each account.`
        : undefined,
    });
  }
}

function fieldsOf(ps: DesiredPermissionSet): PermissionSetFields {
  return {
    description: ps.description,
    sessionDuration: ps.sessionDuration,
    relayState: ps.relayState,
    inlinePolicy: ps.inlinePolicy,
    managedPolicies: ps.managedPolicies,
    customerManagedPolicies: ps.customerManagedPolicies,
    permissionsBoundary: ps.permissionsBoundary,
    tags: ps.tags,
  };
}

function liveFieldsOf(ps: SnapshotPermissionSet): PermissionSetFields {
  const boundary = ps.permissionsBoundary;
  return {
    description: ps.description || undefined,
    sessionDuration: normalizeSessionDuration(ps.sessionDuration),
    relayState: ps.relayState || undefined,
    inlinePolicy: ps.inlinePolicy ? canonicalizeJsonText(ps.inlinePolicy) : undefined,
    managedPolicies: [...ps.managedPolicies].sort(),
    customerManagedPolicies: [...ps.customerManagedPolicies]
      .map((r) => ({ name: r.name, path: r.path || '/' }))
      .sort((a, b) => `${a.path}${a.name}`.localeCompare(`${b.path}${b.name}`)),
    permissionsBoundary: boundary
      ? 'managedPolicyArn' in boundary
        ? { managedPolicyArn: boundary.managedPolicyArn }
        : {
            customerManagedPolicy: {
              name: boundary.customerManagedPolicy.name,
              path: boundary.customerManagedPolicy.path || '/',
            },
          }
      : undefined,
    tags: ps.tags,
  };
}
