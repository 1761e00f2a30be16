import type { SnapshotIdentityCenter, SnapshotPermissionSet } from '@orgops/engine';
import { IdentityLookup } from '../identity-lookup.ts';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { Backend } from '../ports.ts';
import { type AssignmentEnumeration, readAssignments } from './read-assignments.ts';
import { type ConfigPrincipal, namePrincipals } from './read-principals.ts';

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
