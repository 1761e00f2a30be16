/**
 * The reader from @orgops/live against a moto-seeded organization through this backend, with the
 * number of calls per operation pinned: a change that makes the read more expensive fails here.
 */

import { readSnapshot } from '@orgops/live';
import { type Moto, motoClients, motoOptions, startMoto } from '@orgops/testkit/moto';
import { fillMotoGaps } from '@orgops/testkit/moto-gaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackendFromClients, createAwsClients } from '../src/index.ts';
import { MANAGEMENT_ACCOUNT, type SeededOrg, seedOrganization } from './seed.ts';

let moto: Moto;
let seeded: SeededOrg;

beforeAll(async () => {
  moto = await startMoto();
  await moto.reset();
  const clients = motoClients(moto);
  seeded = await seedOrganization(clients);
  for (const client of Object.values(clients)) client.destroy();
});
afterAll(async () => {
  await moto?.stop();
});

/** A backend over moto with moto's missing sso-admin reads filled in (see moto-gaps.ts). */
async function readerBackend(pageSize: number): Promise<AwsBackend> {
  const { clients, location, regions } = await createAwsClients(motoOptions(moto, { pageSize }));
  fillMotoGaps(clients);
  return createAwsBackendFromClients(clients, {
    location,
    regions,
    pageSize,
    rateScale: 1000,
    retry: { maxAttempts: 2 },
  });
}

describe('readSnapshot over the AWS backend against moto', () => {
  it('reads the seeded organization completely', async () => {
    const backend = await readerBackend(2);
    try {
      const snapshot = await readSnapshot(backend, { principals: [{ type: 'GROUP', name: 'Admins' }] });
      const { ous, accounts, policies, permissionSets, principals } = seeded;

      expect(snapshot.source).toMatchObject({ backend: 'aws', location: backend.location });
      expect(snapshot.organization.managementAccountId).toBe(MANAGEMENT_ACCOUNT);
      expect(snapshot.root).toEqual({
        id: seeded.rootId,
        policyTypes: [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }],
      });
      expect(snapshot.trustedServices).toEqual(['sso.amazonaws.com']);

      const ouView = snapshot.ous.map((o) => [o.name, o.parentId, o.tags]).sort();
      expect(ouView).toEqual(
        [
          ['Dev', ous.Workloads, { env: 'dev' }],
          ['Prod', ous.Workloads, { env: 'prod' }],
          ['Sandbox', seeded.rootId, {}],
          ['Security', seeded.rootId, { owner: 'security' }],
          ['Workloads', seeded.rootId, {}],
        ].sort(),
      );

      const accountView = Object.fromEntries(
        snapshot.accounts.map((a) => [a.name, [a.parentId, a.state, a.tags]]),
      );
      expect(accountView).toEqual({
        master: [seeded.rootId, 'ACTIVE', {}],
        'log-archive': [ous.Security, 'ACTIVE', { owner: 'security' }],
        audit: [ous.Security, 'ACTIVE', {}],
        'prod-app': [ous['Workloads/Prod'], 'ACTIVE', { env: 'prod', app: 'shop' }],
        'dev-app': [ous['Workloads/Dev'], 'ACTIVE', {}],
        'sandbox-1': [ous.Sandbox, 'ACTIVE', {}],
      });
      expect(Object.keys(accounts)).toHaveLength(5);

      const policyView = Object.fromEntries(
        snapshot.policies
          .filter((p) => !p.awsManaged)
          .map((p) => [
            p.name,
            [p.id, [...p.targets].sort(), p.tags, JSON.parse(p.content).Statement[0].Action],
          ]),
      );
      const tags = { 'managed-by': 'orgops' };
      expect(policyView).toEqual({
        'deny-leave': [policies['deny-leave'], [seeded.rootId], tags, 'organizations:LeaveOrganization'],
        'deny-cloudtrail-stop': [
          policies['deny-cloudtrail-stop'],
          [ous.Sandbox, ous.Workloads].sort(),
          tags,
          'cloudtrail:StopLogging',
        ],
        'deny-iam-users': [policies['deny-iam-users'], [ous['Workloads/Prod']], tags, 'iam:CreateUser'],
      });
      // moto attaches FullAWSAccess everywhere: root, 5 OUs and 6 accounts.
      expect(snapshot.policies.find((p) => p.id === 'p-FullAWSAccess')?.targets).toHaveLength(12);

      const ic = snapshot.identityCenter!;
      expect(ic.instanceArn).toBe(seeded.instanceArn);
      const psView = Object.fromEntries(
        ic.permissionSets.map((ps) => [
          ps.name,
          [ps.sessionDuration, ps.managedPolicies, ps.inlinePolicy !== undefined],
        ]),
      );
      expect(psView).toEqual({
        AdministratorAccess: ['PT4H', ['arn:aws:iam::aws:policy/AdministratorAccess'], false],
        ReadOnly: [
          'PT4H',
          ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit'],
          false,
        ],
        Billing: ['PT4H', [], true],
      });
      const assignmentView = ic.assignments
        .map((a) => `${a.principalType}:${a.principalId}->${a.permissionSetArn}@${a.accountId}`)
        .sort();
      expect(assignmentView).toEqual(
        [
          `GROUP:${principals.Admins}->${permissionSets.AdministratorAccess}@${MANAGEMENT_ACCOUNT}`,
          `GROUP:${principals.Auditors}->${permissionSets.ReadOnly}@${MANAGEMENT_ACCOUNT}`,
          `USER:${principals.alice}->${permissionSets.ReadOnly}@${MANAGEMENT_ACCOUNT}`,
          `USER:${principals.alice}->${permissionSets.Billing}@${MANAGEMENT_ACCOUNT}`,
        ].sort(),
      );
      expect(ic.principals.map((p) => `${p.type}:${p.name}`).sort()).toEqual([
        'GROUP:Admins',
        'GROUP:Auditors',
        'USER:alice',
      ]);
    } finally {
      backend.destroy();
    }
  });

  /*
   * Derivation for the seeded organization (6 accounts incl. the management account, 5 OUs on two
   * levels, FullAWSAccess + 3 SCPs, 3 permission sets provisioned to one account, 2 groups, 1 user):
   * - No ListAccounts: ListAccountsForParent already names every account.
   * - ListOrganizationalUnitsForParent: one per parent (root, 3 top OUs, 2 nested OUs) plus a
   *   second page for the root's 3 OUs at page size 2. ListAccountsForParent: one per parent (6).
   * - ListTagsForResource (organizations): 5 OUs + 6 accounts + 3 customer SCPs = 14.
   * - ListPolicies: ceil(4 / page); ListTargetsForPolicy: 4 (moto never pages it);
   *   DescribePolicy: 3 (AWS-managed content is not read).
   * - Per permission set (3): Describe, inline, managed, CMP, boundary, tags, provisioned
   *   accounts, and the NOT_PROVISIONED filter because it is provisioned somewhere (so 2 of those).
   *   ListPermissionSets: ceil(3 / page).
   * - Assignments: 3 principals is not fewer than 3 (permission set, account) pairs, so one
   *   ListAccountAssignments per pair; ListGroups/ListUsers one page each.
   * - The config principal (GROUP Admins) resolves from the primed lookup: no GetGroupId.
   */
  const perPermissionSet = {
    'sso-admin:DescribePermissionSet': 3,
    'sso-admin:GetInlinePolicyForPermissionSet': 3,
    'sso-admin:GetPermissionsBoundaryForPermissionSet': 3,
    'sso-admin:ListAccountsForProvisionedPermissionSet': 6,
    'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 3,
    'sso-admin:ListManagedPoliciesInPermissionSet': 3,
    'sso-admin:ListTagsForResource': 3,
  };
  const fixed = {
    'identitystore:ListGroups': 1,
    'identitystore:ListUsers': 1,
    'organizations:DescribeOrganization': 1,
    'organizations:DescribePolicy': 3,
    'organizations:ListAWSServiceAccessForOrganization': 1,
    'organizations:ListAccountsForParent': 6,
    'organizations:ListDelegatedAdministrators': 1,
    'organizations:ListRoots': 1,
    'organizations:ListTagsForResource': 14,
    'organizations:ListTargetsForPolicy': 4,
    'sso-admin:ListAccountAssignments': 3,
    'sso-admin:ListInstances': 1,
    // the account quota: never raised, so the default is read too
    'service-quotas:GetServiceQuota': 1,
    'service-quotas:GetAWSDefaultServiceQuota': 1,
    ...perPermissionSet,
  };

  it('pins the calls per operation at page size 2', async () => {
    const backend = await readerBackend(2);
    try {
      await readSnapshot(backend, { principals: [{ type: 'GROUP', name: 'Admins' }] });
      const stats = backend.stats();
      expect(stats.calls).toEqual({
        ...fixed,
        'organizations:ListOrganizationalUnitsForParent': 7,
        'organizations:ListPolicies': 2,
        'sso-admin:ListPermissionSets': 2,
      });
      expect(stats.total).toBe(74);
      expect(stats.totalRetries).toBe(0);
    } finally {
      backend.destroy();
    }
  });

  it("pins the calls per operation at the services' maximum page sizes", async () => {
    const backend = await readerBackend(100);
    try {
      await readSnapshot(backend, { principals: [{ type: 'GROUP', name: 'Admins' }] });
      expect(backend.stats().calls).toEqual({
        ...fixed,
        'organizations:ListOrganizationalUnitsForParent': 6,
        'organizations:ListPolicies': 1,
        'sso-admin:ListPermissionSets': 1,
      });
      expect(backend.stats().total).toBe(71);
    } finally {
      backend.destroy();
    }
  });
});
