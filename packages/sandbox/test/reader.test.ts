import { readSnapshot } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './fixture.ts';
import { createAccount, INSTANCE, MGMT, ROOT, SCP, STORE, sandbox } from './helpers.ts';

/** Fills the identity store with `count` more users. */
function addUsers(sb: ReturnType<typeof sandbox>, count: number): void {
  const state = sb.exportState();
  for (let i = 0; i < count; i++) {
    state.identityCenter!.users.push({
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `user${i}`,
    });
  }
  sb.importState(state);
}

/** Creates each permission set in `names` and assigns it to `groupId` in every account, waiting for each. */
async function assignEverywhere(
  sb: ReturnType<typeof sandbox>,
  groupId: string,
  names: readonly string[],
  accounts: readonly string[],
): Promise<void> {
  for (const name of names) {
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, {
      name,
      sessionDuration: 'PT1H',
      tags: {},
    });
    for (const accountId of accounts) {
      const s = await sb.ssoAdmin.createAccountAssignment(INSTANCE, {
        accountId,
        permissionSetArn: arn,
        principalType: 'GROUP',
        principalId: groupId,
      });
      await sb.ssoAdmin.describeAccountAssignmentCreationStatus(INSTANCE, s.requestId);
    }
  }
}

describe('readSnapshot', () => {
  it('reads the seeded sandbox', async () => {
    const sb = sandbox();
    const snap = await readSnapshot(sb, { principals: [{ type: 'GROUP', name: 'developers' }] });
    expect(snap.organization).toEqual({
      id: 'o-sandbox00001',
      arn: 'arn:aws:organizations::100000000000:organization/o-sandbox00001',
      managementAccountId: MGMT,
      managementAccountEmail: 'aws-management@example.com',
      featureSet: 'ALL',
    });
    expect(snap.source).toMatchObject({ backend: 'sandbox', location: 'sandbox:memory' });
    expect(snap.root).toEqual({ id: ROOT, policyTypes: [{ type: SCP, status: 'ENABLED' }] });
    expect(snap.ous).toEqual([]);
    expect(snap.accounts).toEqual([
      {
        id: MGMT,
        name: 'management',
        email: 'aws-management@example.com',
        state: 'ACTIVE',
        parentId: ROOT,
        tags: {},
        joinedMethod: 'CREATED',
      },
    ]);
    expect(snap.policies).toHaveLength(1);
    expect(snap.policies[0]).toMatchObject({
      id: 'p-FullAWSAccess',
      awsManaged: true,
      targets: [ROOT, MGMT],
    });
    expect(JSON.parse(snap.policies[0]!.content)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(snap.trustedServices).toEqual(['sso.amazonaws.com']);
    expect(snap.identityCenter).toEqual({
      instanceArn: INSTANCE,
      identityStoreId: STORE,
      permissionSets: [],
      assignments: [],
      principals: [{ type: 'GROUP', id: '00000000-0000-4000-8000-000000000002', name: 'developers' }],
    });
  });

  it('reads a fixed organization completely', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const f = await buildFixture(sb);
    const snap = await readSnapshot(sb, {
      principals: [
        { type: 'GROUP', name: 'finops' },
        { type: 'GROUP', name: 'no-such-group' },
      ],
    });
    const ouById = Object.fromEntries(snap.ous.map((o) => [o.id, o]));
    expect(ouById[f.ous.prod]).toEqual({ id: f.ous.prod, name: 'Prod', parentId: f.ous.workloads, tags: {} });
    expect(ouById[f.ous.workloads]?.tags).toEqual({ owner: 'platform' });
    const prod = snap.accounts.find((a) => a.id === f.accounts.prod);
    expect(prod).toMatchObject({
      name: 'app-prod',
      email: 'app-prod@example.com',
      parentId: f.ous.prod,
      tags: { env: 'prod' },
    });
    const denyLeave = snap.policies.find((p) => p.name === 'deny-leave');
    expect(denyLeave).toMatchObject({
      description: 'no leaving',
      awsManaged: false,
      tags: { guardrail: 'yes' },
      targets: [ROOT],
    });
    expect(snap.delegatedAdministrators).toEqual([
      { accountId: f.accounts.log, servicePrincipal: 'guardduty.amazonaws.com' },
    ]);
    const ic = snap.identityCenter!;
    const readOnly = ic.permissionSets.find((p) => p.name === 'ReadOnly');
    expect(readOnly).toMatchObject({
      description: 'Read everything',
      sessionDuration: 'PT8H',
      managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      customerManagedPolicies: [{ name: 'extra', path: '/' }],
      permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      tags: { tier: 'low' },
    });
    expect(readOnly?.inlinePolicy).toContain('kms:Decrypt');
    expect([...readOnly!.provisionedTo].sort()).toEqual([f.accounts.dev, f.accounts.prod].sort());
    expect(readOnly?.outdatedIn).toEqual([f.accounts.dev]);
    expect(ic.assignments).toHaveLength(4);
    expect(ic.principals.map((p) => `${p.type}:${p.name}`)).toEqual([
      'GROUP:developers',
      'GROUP:finops',
      'GROUP:platform-admins',
      'USER:alice',
    ]);
  });

  it('pins the number of calls per operation for the fixed organization', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    await buildFixture(sb);
    sb.resetStats();
    await readSnapshot(sb, { principals: [{ type: 'GROUP', name: 'developers' }] });
    expect(sb.stats().calls).toEqual({
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListAWSServiceAccessForOrganization': 1,
      'organizations:ListDelegatedAdministrators': 1,
      'organizations:ListDelegatedServicesForAccount': 1,
      // No ListAccounts: the accounts under every parent are every account.
      // root + 4 OUs
      'organizations:ListOrganizationalUnitsForParent': 5,
      'organizations:ListAccountsForParent': 5,
      // 4 OUs + 4 accounts + 2 customer-managed policies
      'organizations:ListTagsForResource': 10,
      'organizations:ListPolicies': 1,
      'organizations:ListTargetsForPolicy': 3,
      // customer-managed only
      'organizations:DescribePolicy': 2,
      'sso-admin:ListInstances': 1,
      'sso-admin:ListPermissionSets': 1,
      'sso-admin:DescribePermissionSet': 2,
      'sso-admin:GetInlinePolicyForPermissionSet': 2,
      'sso-admin:ListManagedPoliciesInPermissionSet': 2,
      'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 2,
      'sso-admin:GetPermissionsBoundaryForPermissionSet': 2,
      'sso-admin:ListTagsForResource': 2,
      // all + NOT_PROVISIONED filter, per permission set
      'sso-admin:ListAccountsForProvisionedPermissionSet': 4,
      // 3 provisioned pairs < 6 groups: one call per pair, and no user is listed at all;
      // the one assigned user is named with a DescribeUser.
      'sso-admin:ListAccountAssignments': 3,
      'identitystore:ListGroups': 1,
      'identitystore:DescribeUser': 1,
      // the account quota, for the plan-time check
      'service-quotas:GetServiceQuota': 1,
    });
    expect(sb.stats().calls['organizations:ListParents']).toBeUndefined();
    expect(sb.stats().calls['organizations:ListPoliciesForTarget']).toBeUndefined();
    expect(sb.stats().calls['organizations:ListAccounts']).toBeUndefined();
  });

  it('enumerates assignments per principal when principals are fewer than provisioned pairs', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const accounts = [];
    for (let i = 0; i < 9; i++) accounts.push(await createAccount(sb, `m${i}`));
    const group = (await sb.identityStore.getGroupId(STORE, 'read-only'))!;
    await assignEverywhere(sb, group, ['A', 'B'], accounts);
    sb.resetStats();
    const snap = await readSnapshot(sb);
    expect(snap.identityCenter?.assignments).toHaveLength(18);
    // 18 pairs > 9 principals (6 groups + 3 users)
    expect(sb.stats().calls['sso-admin:ListAccountAssignmentsForPrincipal']).toBe(9);
    expect(sb.stats().calls['sso-admin:ListAccountAssignments']).toBeUndefined();
    expect(snap.identityCenter?.principals).toEqual([{ type: 'GROUP', id: group, name: 'read-only' }]);
  });

  it('lists users only as far as it takes to know the per-pair path is cheaper', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    addUsers(sb, 1000); // a large identity store
    const accountId = await createAccount(sb, 'm0');
    const group = (await sb.identityStore.getGroupId(STORE, 'read-only'))!;
    await assignEverywhere(sb, group, ['A'], [accountId]);
    sb.resetStats();
    const snap = await readSnapshot(sb);
    expect(snap.identityCenter?.assignments).toHaveLength(1);
    // 1 provisioned pair < 6 groups: no user page is needed at all, and one ListAccountAssignments.
    expect(sb.stats().calls['identitystore:ListUsers']).toBeUndefined();
    expect(sb.stats().calls['sso-admin:ListAccountAssignments']).toBe(1);
    expect(sb.stats().calls['sso-admin:ListAccountAssignmentsForPrincipal']).toBeUndefined();
  });

  it('stops listing users at the page that shows there are more principals than pairs', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    addUsers(sb, 1000); // a large identity store
    const group = (await sb.identityStore.getGroupId(STORE, 'read-only'))!;
    const accounts = [];
    for (let i = 0; i < 8; i++) accounts.push(await createAccount(sb, `m${i}`));
    await assignEverywhere(sb, group, ['A', 'B'], accounts);
    sb.resetStats();
    const snap = await readSnapshot(sb);
    expect(snap.identityCenter?.assignments).toHaveLength(16);
    // 16 pairs: one page of users (100 of 1,003) settles it; the store is never listed in full.
    expect(sb.stats().calls['identitystore:ListUsers']).toBe(1);
    expect(sb.stats().calls['sso-admin:ListAccountAssignments']).toBe(16);
  });

  it('resolves config principals by name with one cached lookup each when nothing is assigned', async () => {
    const sb = sandbox();
    const snap = await readSnapshot(sb, {
      principals: [
        { type: 'GROUP', name: 'developers' },
        { type: 'GROUP', name: 'developers' },
        { type: 'USER', name: 'bob' },
        { type: 'USER', name: 'mallory' },
      ],
    });
    expect(snap.identityCenter?.principals.map((p) => `${p.type}:${p.name}`)).toEqual([
      'GROUP:developers',
      'USER:bob',
    ]);
    expect(sb.stats().calls['identitystore:GetGroupId']).toBe(1);
    expect(sb.stats().calls['identitystore:GetUserId']).toBe(2);
  });

  it('stays within the concurrency bound', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    await buildFixture(sb);
    let inFlight = 0;
    let peak = 0;
    const wrap = <T extends object>(port: T): T =>
      new Proxy(port, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            await new Promise((r) => setTimeout(r, 1));
            try {
              return await value.apply(target, args);
            } finally {
              inFlight--;
            }
          };
        },
      });
    const backend = {
      ...sb,
      organizations: wrap(sb.organizations),
      ssoAdmin: wrap(sb.ssoAdmin),
      identityStore: wrap(sb.identityStore),
    };
    await readSnapshot(backend, { concurrency: 3 });
    expect(peak).toBe(3);
  });
});
