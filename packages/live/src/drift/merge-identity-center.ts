import type { SnapshotIdentityCenter, SnapshotPermissionSet } from '@orgops/engine';
import { IdentityLookup } from '../identity-lookup.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { Backend, InstanceInfo } from '../ports.ts';
import { knownAssignments, provisionedPairs, readPairs } from '../reader/read-assignments.ts';
import { readPermissionSet } from '../reader/read-identity-center.ts';
import { type ConfigPrincipal, listPrincipals, namePrincipals } from '../reader/read-principals.ts';
import type { Dirty } from './trail-effects.ts';

export interface MergedIdentityCenter {
  readonly identityCenter: SnapshotIdentityCenter;
  readonly permissionSetsReread: number;
  readonly pairsRelisted: number;
}

/**
 * Identity Center: permission sets listed again when one was created or deleted, read again whole
 * when an event names them (new ones too), the assignments of the pairs events name (and of new
 * permission sets) listed again. Users and groups are read afresh every time: their changes come
 * from identity sources (SCIM, AD) whose events cannot all be trusted to arrive, and naming the
 * principals costs a few calls.
 */
export async function mergeIdentityCenter(
  backend: Backend,
  instance: InstanceInfo,
  baseline: SnapshotIdentityCenter,
  dirty: Dirty,
  configPrincipals: readonly ConfigPrincipal[],
  calls: CallScheduler,
): Promise<MergedIdentityCenter> {
  const sso = backend.ssoAdmin;
  const known = new Map(baseline.permissionSets.map((ps) => [ps.arn, ps]));
  const arns = dirty.permissionSetList
    ? await calls.run('sso-admin', 'ListPermissionSets', () => sso.listPermissionSets(instance.instanceArn))
    : baseline.permissionSets.map((ps) => ps.arn);
  const current = new Set(arns);
  const added = arns.filter((arn) => !known.has(arn));
  const reread = new Map<string, SnapshotPermissionSet>();
  await Promise.all(
    [...new Set([...added, ...[...dirty.permissionSets].filter((arn) => current.has(arn))])].map(
      async (arn) => reread.set(arn, await readPermissionSet(backend, instance.instanceArn, arn, calls)),
    ),
  );
  const permissionSets = arns.map((arn) => reread.get(arn) ?? known.get(arn)!);

  const pairKey = (arn: string, accountId: string) => `${arn}|${accountId}`;
  const relist = new Set([...dirty.pairs].filter((key) => current.has(key.slice(0, key.lastIndexOf('|')))));
  for (const arn of added)
    for (const accountId of reread.get(arn)!.provisionedTo) relist.add(pairKey(arn, accountId));
  const kept = baseline.assignments.filter(
    (a) => current.has(a.permissionSetArn) && !relist.has(pairKey(a.permissionSetArn, a.accountId)),
  );
  const listed = await readPairs(
    backend,
    instance.instanceArn,
    [...relist].map((key) => {
      const at = key.lastIndexOf('|');
      return { arn: key.slice(0, at), accountId: key.slice(at + 1) };
    }),
    calls,
  );
  const assignments = knownAssignments([...kept, ...listed], permissionSets);

  const lookup = new IdentityLookup(backend.identityStore, instance.identityStoreId);
  const pairs = provisionedPairs(permissionSets).length;
  if (pairs > 0) await listPrincipals(backend, instance.identityStoreId, pairs, lookup, calls);
  return {
    identityCenter: {
      instanceArn: instance.instanceArn,
      identityStoreId: instance.identityStoreId,
      permissionSets,
      assignments,
      principals: await namePrincipals(assignments, configPrincipals, lookup, calls),
    },
    permissionSetsReread: reread.size,
    pairsRelisted: relist.size,
  };
}
