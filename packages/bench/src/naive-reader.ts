import type { Snapshot, SnapshotAccount, SnapshotOu, SnapshotPolicy } from '@orgops/engine';
import {
  AWS_MANAGED_POLICY_CONTENT,
  type Backend,
  CallScheduler,
  type ConfigPrincipal,
  IdentityLookup,
  knownAssignments,
  namePrincipals,
  policyTypesToRead,
  readDelegatedAdministrators,
  readPermissionSet,
  readQuotas,
  snapshotOrganization,
  snapshotPolicy,
  snapshotRoot,
} from '@orgops/live';

/**
 * The obvious read, for comparison: the same snapshot as `readSnapshot`, with the same per-API
 * scheduling, but answering three questions the way most tools do: where each account sits
 * (ListAccounts, then ListParents per account), which policies are attached where
 * (ListPoliciesForTarget per target and policy type) and who is assigned where
 * (ListAccountAssignments per account × permission set). Everything else is read as the real
 * reader reads it, so the difference is those three choices alone.
 */
export async function readSnapshotNaively(
  backend: Backend,
  options: {
    readonly principals?: readonly ConfigPrincipal[];
    readonly policyTypes?: readonly string[];
  } = {},
): Promise<Snapshot> {
  const calls = new CallScheduler();
  const org = backend.organizations;
  const sso = backend.ssoAdmin;
  const [organization, roots, trustedServices, delegated, quotas] = await Promise.all([
    calls.run('organizations', 'DescribeOrganization', () => org.describeOrganization()),
    calls.run('organizations', 'ListRoots', () => org.listRoots()),
    calls.run('organizations', 'ListAWSServiceAccessForOrganization', () =>
      org.listAWSServiceAccessForOrganization(),
    ),
    calls.run('organizations', 'ListDelegatedAdministrators', () => org.listDelegatedAdministrators()),
    readQuotas(backend, calls),
  ]);
  const root = roots[0]!;
  const types = policyTypesToRead(root, options.policyTypes);
  const enabled = root.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type);
  const tagsOf = (id: string) =>
    calls.run('organizations', 'ListTagsForResource', () => org.listTagsForResource(id));

  const readOus = async (): Promise<SnapshotOu[]> => {
    const found: SnapshotOu[] = [];
    const walk = async (parentId: string): Promise<void> => {
      const children = await calls.run('organizations', 'ListOrganizationalUnitsForParent', () =>
        org.listOrganizationalUnitsForParent(parentId),
      );
      await Promise.all(
        children.map(async (o) => {
          found.push({ id: o.id, name: o.name, parentId, tags: { ...(await tagsOf(o.id)) } });
          await walk(o.id);
        }),
      );
    };
    await walk(root.id);
    return found;
  };
  const readAccounts = async (): Promise<SnapshotAccount[]> => {
    const listed = await calls.run('organizations', 'ListAccounts', () => org.listAccounts());
    return Promise.all(
      listed.map(async (a) => {
        const [parents, tags] = await Promise.all([
          calls.run('organizations', 'ListParents', () => org.listParents(a.id)),
          tagsOf(a.id),
        ]);
        return {
          id: a.id,
          name: a.name,
          email: a.email,
          state: a.state,
          parentId: parents[0]?.id ?? root.id,
          tags: { ...tags },
          ...(a.joinedMethod ? { joinedMethod: a.joinedMethod } : {}),
        };
      }),
    );
  };
  const [ous, accounts] = await Promise.all([readOus(), readAccounts()]);

  const readPolicies = async (): Promise<SnapshotPolicy[]> => {
    const summaries = (
      await Promise.all(
        types.map((type) => calls.run('organizations', 'ListPolicies', () => org.listPolicies(type))),
      )
    ).flat();
    const targets = new Map<string, string[]>(summaries.map((p) => [p.id, []]));
    const targetIds = [root.id, ...ous.map((o) => o.id), ...accounts.map((a) => a.id)];
    await Promise.all(
      targetIds.flatMap((targetId) =>
        enabled.map(async (type) => {
          const attached = await calls.run('organizations', 'ListPoliciesForTarget', () =>
            org.listPoliciesForTarget(targetId, type),
          );
          for (const p of attached) targets.get(p.id)?.push(targetId);
        }),
      ),
    );
    return Promise.all(
      summaries.map(async (p) => {
        const [content, tags] = await Promise.all([
          p.awsManaged
            ? (AWS_MANAGED_POLICY_CONTENT[p.id] ?? '')
            : calls.run(
                'organizations',
                'DescribePolicy',
                async () => (await org.describePolicy(p.id)).content,
              ),
          p.awsManaged ? {} : tagsOf(p.id),
        ]);
        return snapshotPolicy(p, content, tags, targets.get(p.id) ?? []);
      }),
    );
  };

  const readIdentityCenter = async (): Promise<Snapshot['identityCenter']> => {
    const [instance] = await calls.run('sso-admin', 'ListInstances', () => sso.listInstances());
    if (!instance) return undefined;
    const arns = await calls.run('sso-admin', 'ListPermissionSets', () =>
      sso.listPermissionSets(instance.instanceArn),
    );
    const permissionSets = await Promise.all(
      arns.map((arn) => readPermissionSet(backend, instance.instanceArn, arn, calls)),
    );
    const found = await Promise.all(
      accounts.flatMap((a) =>
        arns.map((arn) =>
          calls.run('sso-admin', 'ListAccountAssignments', () =>
            sso.listAccountAssignments(instance.instanceArn, a.id, arn),
          ),
        ),
      ),
    );
    const assignments = knownAssignments(found.flat(), permissionSets);
    const lookup = new IdentityLookup(backend.identityStore, instance.identityStoreId);
    const [groups, users] = await Promise.all([
      calls.run('identitystore', 'ListGroups', () =>
        backend.identityStore.listGroups(instance.identityStoreId),
      ),
      calls.run('identitystore', 'ListUsers', () =>
        backend.identityStore.listUsers(instance.identityStoreId),
      ),
    ]);
    lookup.prime('GROUP', groups);
    lookup.markComplete('GROUP');
    lookup.prime('USER', users);
    lookup.markComplete('USER');
    return {
      instanceArn: instance.instanceArn,
      identityStoreId: instance.identityStoreId,
      permissionSets,
      assignments,
      principals: await namePrincipals(assignments, options.principals ?? [], lookup, calls),
    };
  };

  const [policies, delegatedAdministrators, identityCenter] = await Promise.all([
    readPolicies(),
    readDelegatedAdministrators(org, delegated, calls),
    readIdentityCenter(),
  ]);
  return {
    snapshotVersion: 1,
    source: { backend: backend.kind, location: backend.location, readAt: new Date().toISOString() },
    organization: snapshotOrganization(organization),
    root: snapshotRoot(root),
    ous,
    accounts,
    policies,
    trustedServices: [...trustedServices],
    delegatedAdministrators,
    ...(identityCenter ? { identityCenter } : {}),
    ...(quotas ? { quotas } : {}),
  };
}
