import type {
  SnapshotAssignment,
  SnapshotIdentityCenter,
  SnapshotPermissionSet,
  SnapshotPrincipal,
} from '@orgops/engine';
import { IdentityLookup, type PrincipalType } from '../identity-lookup.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { AssignmentInfo, Backend, InstanceInfo } from '../ports.ts';

export interface ConfigPrincipal {
  readonly type: PrincipalType;
  readonly name: string;
}

/**
 * How assignments are enumerated: `auto` picks the cheaper path; the others force one (useful
 * where an emulator implements only one of them, and to measure both).
 */
export type AssignmentEnumeration = 'auto' | 'per-principal' | 'per-pair';

/** Everything about one permission set: seven reads, plus the outdated filter when it is provisioned. */
export async function readPermissionSet(
  backend: Backend,
  instanceArn: string,
  arn: string,
  calls: CallScheduler,
): Promise<SnapshotPermissionSet> {
  const sso = backend.ssoAdmin;
  const run = <T>(operation: string, task: () => Promise<T>) => calls.run('sso-admin', operation, task);
  const [details, inline, managed, cmps, boundary, tags, provisionedTo] = await Promise.all([
    run('DescribePermissionSet', () => sso.describePermissionSet(instanceArn, arn)),
    run('GetInlinePolicyForPermissionSet', () => sso.getInlinePolicyForPermissionSet(instanceArn, arn)),
    run('ListManagedPoliciesInPermissionSet', () => sso.listManagedPoliciesInPermissionSet(instanceArn, arn)),
    run('ListCustomerManagedPolicyReferencesInPermissionSet', () =>
      sso.listCustomerManagedPolicyReferencesInPermissionSet(instanceArn, arn),
    ),
    run('GetPermissionsBoundaryForPermissionSet', () =>
      sso.getPermissionsBoundaryForPermissionSet(instanceArn, arn),
    ),
    run('ListTagsForResource', () => sso.listTagsForResource(instanceArn, arn)),
    run('ListAccountsForProvisionedPermissionSet', () =>
      sso.listAccountsForProvisionedPermissionSet(instanceArn, arn),
    ),
  ]);
  const outdatedIn =
    provisionedTo.length === 0
      ? []
      : await run('ListAccountsForProvisionedPermissionSet', () =>
          sso.listAccountsForProvisionedPermissionSet(
            instanceArn,
            arn,
            'LATEST_PERMISSION_SET_NOT_PROVISIONED',
          ),
        );
  return {
    arn,
    name: details.name,
    sessionDuration: details.sessionDuration ?? 'PT1H',
    ...(details.description !== undefined ? { description: details.description } : {}),
    ...(details.relayState !== undefined ? { relayState: details.relayState } : {}),
    ...(inline !== undefined && inline !== '' ? { inlinePolicy: inline } : {}),
    managedPolicies: [...managed].sort(),
    customerManagedPolicies: [...cmps]
      .map((r) => ({ name: r.name, path: r.path }))
      .sort((a, b) => `${a.path}${a.name}`.localeCompare(`${b.path}${b.name}`)),
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    tags: { ...tags },
    provisionedTo: [...provisionedTo],
    outdatedIn: [...outdatedIn],
  };
}

/** The (permission set, account) pairs where assignments can exist: where the set is provisioned. */
export function provisionedPairs(
  permissionSets: readonly SnapshotPermissionSet[],
): { readonly arn: string; readonly accountId: string }[] {
  return permissionSets.flatMap((ps) => ps.provisionedTo.map((accountId) => ({ arn: ps.arn, accountId })));
}

/** The identity store's principals as far as the read needs them, primed into `lookup`. */
export interface PrincipalListing {
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  readonly users: readonly { readonly id: string; readonly name: string }[];
  /** False when the user listing stopped early (a store larger than the per-pair read). */
  readonly usersComplete: boolean;
}

/**
 * Lists the store's groups, and its users no further than it takes to know whether enumerating
 * assignments per principal is cheaper than per provisioned pair: a store of 200,000 users must
 * not cost 2,000 calls just to find out.
 */
export async function listPrincipals(
  backend: Backend,
  identityStoreId: string,
  pairs: number,
  lookup: IdentityLookup,
  calls: CallScheduler,
): Promise<PrincipalListing> {
  const store = backend.identityStore;
  const groups = await calls.run('identitystore', 'ListGroups', () => store.listGroups(identityStoreId));
  lookup.prime('GROUP', groups);
  lookup.markComplete('GROUP');
  const budget = pairs - groups.length;
  const users =
    budget > 0
      ? await calls.run('identitystore', 'ListUsers', () =>
          store.listUsers(identityStoreId, { maxItems: budget }),
        )
      : [];
  lookup.prime('USER', users);
  const usersComplete = budget > 0 && users.length < budget;
  if (usersComplete) lookup.markComplete('USER');
  return { groups, users, usersComplete };
}

/**
 * Assignments by the cheaper of the two complete enumerations: ListAccountAssignmentsForPrincipal
 * per identity-store principal when there are fewer principals than provisioned (permission set,
 * account) pairs, else ListAccountAssignments per provisioned pair. Assignments only exist where
 * their permission set is provisioned, so no pair outside `provisionedTo` needs a look.
 */
async function readAssignments(
  backend: Backend,
  instance: InstanceInfo,
  permissionSets: readonly SnapshotPermissionSet[],
  lookup: IdentityLookup,
  calls: CallScheduler,
  progress: (msg: string) => void,
  strategy: AssignmentEnumeration,
): Promise<SnapshotAssignment[]> {
  const pairs = provisionedPairs(permissionSets);
  if (pairs.length === 0) return [];
  const listing = await listPrincipals(backend, instance.identityStoreId, pairs.length, lookup, calls);
  const sso = backend.ssoAdmin;
  let found: AssignmentInfo[];
  if (strategy === 'per-principal' || (strategy === 'auto' && listing.usersComplete)) {
    const users = await completeUsers(backend, instance.identityStoreId, listing, calls, lookup);
    const principals = [
      ...listing.groups.map((g) => ({ type: 'GROUP' as const, id: g.id })),
      ...users.map((u) => ({ type: 'USER' as const, id: u.id })),
    ];
    progress(`reading assignments of ${principals.length} principals`);
    const lists = await Promise.all(
      principals.map((p) =>
        calls.run('sso-admin', 'ListAccountAssignmentsForPrincipal', () =>
          sso.listAccountAssignmentsForPrincipal(instance.instanceArn, p.type, p.id),
        ),
      ),
    );
    found = lists.flat();
    // A user or group deleted from the identity store is listed by nobody, but AWS keeps its
    // assignments (and they keep the permission set provisioned and undeletable). A provisioned
    // pair with no assignment found is where one hides: read those pairs (usually none).
    const seen = new Set(found.map((a) => `${a.permissionSetArn}|${a.accountId}`));
    const unexplained = pairs.filter((p) => !seen.has(`${p.arn}|${p.accountId}`));
    found.push(...(await readPairs(backend, instance.instanceArn, unexplained, calls)));
  } else {
    progress(`reading assignments of ${pairs.length} (permission set, account) pairs`);
    found = await readPairs(backend, instance.instanceArn, pairs, calls);
  }
  return knownAssignments(found, permissionSets);
}

/** ListAccountAssignments for each pair. */
export async function readPairs(
  backend: Backend,
  instanceArn: string,
  pairs: readonly { readonly arn: string; readonly accountId: string }[],
  calls: CallScheduler,
): Promise<AssignmentInfo[]> {
  const lists = await Promise.all(
    pairs.map((pair) =>
      calls.run('sso-admin', 'ListAccountAssignments', () =>
        backend.ssoAdmin.listAccountAssignments(instanceArn, pair.accountId, pair.arn),
      ),
    ),
  );
  return lists.flat();
}

/** The assignments of the permission sets the snapshot has, as snapshot data. */
export function knownAssignments(
  found: readonly AssignmentInfo[],
  permissionSets: readonly SnapshotPermissionSet[],
): SnapshotAssignment[] {
  const known = new Set(permissionSets.map((ps) => ps.arn));
  return found
    .filter((a) => known.has(a.permissionSetArn))
    .map((a) => ({
      permissionSetArn: a.permissionSetArn,
      accountId: a.accountId,
      principalType: a.principalType,
      principalId: a.principalId,
    }));
}

/**
 * Names of every principal the assignments mention, and the ids of the principals the config
 * names (left out when the store has no such name), sorted by type and name.
 */
export async function namePrincipals(
  assignments: readonly SnapshotAssignment[],
  configPrincipals: readonly ConfigPrincipal[],
  lookup: IdentityLookup,
  calls: CallScheduler,
): Promise<SnapshotPrincipal[]> {
  const wanted = new Map<string, { type: PrincipalType; id: string }>();
  for (const a of assignments)
    wanted.set(`${a.principalType}:${a.principalId}`, { type: a.principalType, id: a.principalId });
  const named = await Promise.all(
    [...wanted.values()].map(async (p) => ({
      ...p,
      name: await calls.run('identitystore', p.type === 'GROUP' ? 'DescribeGroup' : 'DescribeUser', () =>
        lookup.nameOf(p.type, p.id),
      ),
    })),
  );
  const resolved = await Promise.all(
    configPrincipals.map(async (p) => ({
      ...p,
      id: await calls.run('identitystore', p.type === 'GROUP' ? 'GetGroupId' : 'GetUserId', () =>
        lookup.idOf(p.type, p.name),
      ),
    })),
  );
  const principals = new Map<string, SnapshotPrincipal>();
  for (const p of [...resolved, ...named]) {
    if (p.id === undefined || p.name === undefined) continue;
    principals.set(`${p.type}:${p.id}`, { type: p.type, id: p.id, name: p.name });
  }
  return [...principals.values()].sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
}

/** The Identity Center part of the snapshot, or `undefined` when there is no instance. */
export async function readIdentityCenter(
  backend: Backend,
  configPrincipals: readonly ConfigPrincipal[],
  calls: CallScheduler,
  progress: (msg: string) => void,
  strategy: AssignmentEnumeration = 'auto',
): Promise<SnapshotIdentityCenter | undefined> {
  const [instance] = await calls.run('sso-admin', 'ListInstances', () => backend.ssoAdmin.listInstances());
  if (!instance) return undefined;
  const arns = await calls.run('sso-admin', 'ListPermissionSets', () =>
    backend.ssoAdmin.listPermissionSets(instance.instanceArn),
  );
  const permissionSets = await Promise.all(
    arns.map((arn) => readPermissionSet(backend, instance.instanceArn, arn, calls)),
  );
  progress(`read ${permissionSets.length} permission sets`);

  const lookup = new IdentityLookup(backend.identityStore, instance.identityStoreId);
  const assignments = await readAssignments(
    backend,
    instance,
    permissionSets,
    lookup,
    calls,
    progress,
    strategy,
  );
  return {
    instanceArn: instance.instanceArn,
    identityStoreId: instance.identityStoreId,
    permissionSets,
    assignments,
    principals: await namePrincipals(assignments, configPrincipals, lookup, calls),
  };
}

/** Every user, listing the rest of the store when the bounded listing stopped early. */
async function completeUsers(
  backend: Backend,
  identityStoreId: string,
  listing: PrincipalListing,
  calls: CallScheduler,
  lookup: IdentityLookup,
): Promise<readonly { readonly id: string; readonly name: string }[]> {
  if (listing.usersComplete) return listing.users;
  const all = await calls.run('identitystore', 'ListUsers', () =>
    backend.identityStore.listUsers(identityStoreId),
  );
  // The full list names every user, so no assigned user costs a DescribeUser later.
  lookup.prime('USER', all);
  lookup.markComplete('USER');
  return all;
}
