import type {
  SnapshotAssignment,
  SnapshotIdentityCenter,
  SnapshotPermissionSet,
  SnapshotPrincipal,
} from '@orgops/engine';
import type { Limiter } from '../concurrency.ts';
import { IdentityLookup, type PrincipalType } from '../identity-lookup.ts';
import type { AssignmentInfo, Backend, InstanceInfo } from '../ports.ts';

export interface ConfigPrincipal {
  readonly type: PrincipalType;
  readonly name: string;
}

/** Everything about one permission set: seven reads, plus the outdated filter when it is provisioned. */
async function readPermissionSet(
  backend: Backend,
  instanceArn: string,
  arn: string,
  run: Limiter,
): Promise<SnapshotPermissionSet> {
  const sso = backend.ssoAdmin;
  const [details, inline, managed, cmps, boundary, tags, provisionedTo] = await Promise.all([
    run.run(() => sso.describePermissionSet(instanceArn, arn)),
    run.run(() => sso.getInlinePolicyForPermissionSet(instanceArn, arn)),
    run.run(() => sso.listManagedPoliciesInPermissionSet(instanceArn, arn)),
    run.run(() => sso.listCustomerManagedPolicyReferencesInPermissionSet(instanceArn, arn)),
    run.run(() => sso.getPermissionsBoundaryForPermissionSet(instanceArn, arn)),
    run.run(() => sso.listTagsForResource(instanceArn, arn)),
    run.run(() => sso.listAccountsForProvisionedPermissionSet(instanceArn, arn)),
  ]);
  const outdatedIn =
    provisionedTo.length === 0
      ? []
      : await run.run(() =>
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
  run: Limiter,
  progress: (msg: string) => void,
  strategy: AssignmentEnumeration,
): Promise<SnapshotAssignment[]> {
  const pairs = permissionSets.flatMap((ps) =>
    ps.provisionedTo.map((accountId) => ({ arn: ps.arn, accountId })),
  );
  if (pairs.length === 0) return [];
  const store = backend.identityStore;
  const groups = await run.run(() => store.listGroups(instance.identityStoreId));
  lookup.prime('GROUP', groups);
  lookup.markComplete('GROUP');
  // Per principal is cheaper only while principals < pairs, so users are listed no further than
  // that: a store of 200,000 users must not cost 2,000 calls just to find out.
  const budget = pairs.length - groups.length;
  const users =
    budget > 0 ? await run.run(() => store.listUsers(instance.identityStoreId, { maxItems: budget })) : [];
  lookup.prime('USER', users);
  const usersComplete = budget > 0 && users.length < budget;
  if (usersComplete) lookup.markComplete('USER');
  const sso = backend.ssoAdmin;
  let found: AssignmentInfo[];
  if (strategy === 'per-principal' || (strategy === 'auto' && usersComplete)) {
    const principals = [
      ...groups.map((g) => ({ type: 'GROUP' as const, id: g.id })),
      ...(await completeUsers(store, instance.identityStoreId, users, usersComplete, run, lookup)).map(
        (u) => ({
          type: 'USER' as const,
          id: u.id,
        }),
      ),
    ];
    progress(`reading assignments of ${principals.length} principals`);
    const lists = await Promise.all(
      principals.map((p) =>
        run.run(() => sso.listAccountAssignmentsForPrincipal(instance.instanceArn, p.type, p.id)),
      ),
    );
    found = lists.flat();
    // A user or group deleted from the identity store is listed by nobody, but AWS keeps its
    // assignments (and they keep the permission set provisioned and undeletable). A provisioned
    // pair with no assignment found is where one hides: read those pairs (usually none).
    const seen = new Set(found.map((a) => `${a.permissionSetArn}|${a.accountId}`));
    const unexplained = pairs.filter((p) => !seen.has(`${p.arn}|${p.accountId}`));
    const orphans = await Promise.all(
      unexplained.map((pair) =>
        run.run(() => sso.listAccountAssignments(instance.instanceArn, pair.accountId, pair.arn)),
      ),
    );
    found.push(...orphans.flat());
  } else {
    progress(`reading assignments of ${pairs.length} (permission set, account) pairs`);
    const lists = await Promise.all(
      pairs.map((pair) =>
        run.run(() => sso.listAccountAssignments(instance.instanceArn, pair.accountId, pair.arn)),
      ),
    );
    found = lists.flat();
  }
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

/** The Identity Center part of the snapshot, or `undefined` when there is no instance. */
export async function readIdentityCenter(
  backend: Backend,
  configPrincipals: readonly ConfigPrincipal[],
  run: Limiter,
  progress: (msg: string) => void,
  strategy: AssignmentEnumeration = 'auto',
): Promise<SnapshotIdentityCenter | undefined> {
  const [instance] = await run.run(() => backend.ssoAdmin.listInstances());
  if (!instance) return undefined;
  const arns = await run.run(() => backend.ssoAdmin.listPermissionSets(instance.instanceArn));
  const permissionSets = await Promise.all(
    arns.map((arn) => readPermissionSet(backend, instance.instanceArn, arn, run)),
  );
  progress(`read ${permissionSets.length} permission sets`);

  const lookup = new IdentityLookup(backend.identityStore, instance.identityStoreId);
  const assignments = await readAssignments(
    backend,
    instance,
    permissionSets,
    lookup,
    run,
    progress,
    strategy,
  );

  const wanted = new Map<string, { type: PrincipalType; id: string }>();
  for (const a of assignments)
    wanted.set(`${a.principalType}:${a.principalId}`, { type: a.principalType, id: a.principalId });
  const named = await Promise.all(
    [...wanted.values()].map(async (p) => ({ ...p, name: await run.run(() => lookup.nameOf(p.type, p.id)) })),
  );
  const resolved = await Promise.all(
    configPrincipals.map(async (p) => ({ ...p, id: await run.run(() => lookup.idOf(p.type, p.name)) })),
  );
  const principals = new Map<string, SnapshotPrincipal>();
  for (const p of [...resolved, ...named]) {
    if (p.id === undefined || p.name === undefined) continue;
    principals.set(`${p.type}:${p.id}`, { type: p.type, id: p.id, name: p.name });
  }
  return {
    instanceArn: instance.instanceArn,
    identityStoreId: instance.identityStoreId,
    permissionSets,
    assignments,
    principals: [...principals.values()].sort((a, b) =>
      `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`),
    ),
  };
}

/**
 * How assignments are enumerated: `auto` picks the cheaper path; the others force one (useful
 * where an emulator implements only one of them, and to measure both).
 */
export type AssignmentEnumeration = 'auto' | 'per-principal' | 'per-pair';

/** Every user, listing the rest of the store when the bounded listing stopped early. */
async function completeUsers(
  store: Backend['identityStore'],
  identityStoreId: string,
  users: readonly { readonly id: string; readonly name: string }[],
  complete: boolean,
  run: Limiter,
  lookup: IdentityLookup,
): Promise<readonly { readonly id: string; readonly name: string }[]> {
  if (complete) return users;
  const all = await run.run(() => store.listUsers(identityStoreId));
  // The full list names every user, so no assigned user costs a DescribeUser later.
  lookup.prime('USER', all);
  lookup.markComplete('USER');
  return all;
}
