import type { SnapshotAssignment, SnapshotPermissionSet } from '@orgops/engine';
import type { IdentityLookup } from '../identity-lookup.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { AssignmentInfo, Backend, InstanceInfo } from '../ports.ts';
import { listPrincipals, type PrincipalListing } from './read-principals.ts';

/**
 * How assignments are enumerated: `auto` picks the cheaper path; the others force one (useful
 * where an emulator implements only one of them, and to measure both).
 */
export type AssignmentEnumeration = 'auto' | 'per-principal' | 'per-pair';

/** The (permission set, account) pairs where assignments can exist: where the set is provisioned. */
export function provisionedPairs(
  permissionSets: readonly SnapshotPermissionSet[],
): { readonly arn: string; readonly accountId: string }[] {
  return permissionSets.flatMap((ps) => ps.provisionedTo.map((accountId) => ({ arn: ps.arn, accountId })));
}

/**
 * Assignments by the cheaper of the two complete enumerations: ListAccountAssignmentsForPrincipal
 * per identity-store principal when there are fewer principals than provisioned (permission set,
 * account) pairs, else ListAccountAssignments per provisioned pair. Assignments only exist where
 * their permission set is provisioned, so no pair outside `provisionedTo` needs a look.
 */
export async function readAssignments(
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
