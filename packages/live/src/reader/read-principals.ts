import type { SnapshotAssignment, SnapshotPrincipal } from '@orgops/engine';
import type { IdentityLookup, PrincipalType } from '../identity-lookup.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { Backend } from '../ports.ts';

export interface ConfigPrincipal {
  readonly type: PrincipalType;
  readonly name: string;
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
