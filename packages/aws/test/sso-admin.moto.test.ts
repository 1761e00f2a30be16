import { isServiceError } from '@orgops/live';
import { motoClients, motoOptions } from '@orgops/testkit/moto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackend } from '../src/index.ts';
import { useMotoPerTest } from './moto-per-test.ts';

const INLINE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});
const GROUP_ID = '9067b4b8-70c1-7070-cd35-000000000001';
const USER_ID = '9067b4b8-70c1-7070-cd35-000000000002';

let backend: AwsBackend;
let instanceArn: string;

const moto = useMotoPerTest();
beforeEach(async () => {
  backend = await createAwsBackend(motoOptions(moto));
  const [instance] = await backend.ssoAdmin.listInstances();
  if (!instance) throw new Error('moto has no Identity Center instance');
  instanceArn = instance.instanceArn;
  return () => backend.destroy();
});

async function createPs(name: string, extra: { description?: string; relayState?: string } = {}) {
  return backend.ssoAdmin.createPermissionSet(instanceArn, {
    name,
    sessionDuration: 'PT4H',
    tags: {},
    ...extra,
  });
}

describe('sso-admin port against moto', () => {
  it('lists the instance with its identity store and owner', async () => {
    const instances = await backend.ssoAdmin.listInstances();
    expect(instances).toHaveLength(1);
    expect(instances[0]?.instanceArn).toMatch(/^arn:aws:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/);
    expect(instances[0]?.identityStoreId).toMatch(/^d-[0-9a-z]{10}$/);
    expect(instances[0]?.ownerAccountId).toBe('123456789012');
  });

  it('creates, describes, lists (paginated), updates and deletes permission sets', async () => {
    const { arn } = await createPs('Admin', {
      description: 'admins',
      relayState: 'https://console.aws.amazon.com/',
    });
    await createPs('ReadOnly');
    await createPs('Billing');
    expect(await backend.ssoAdmin.describePermissionSet(instanceArn, arn)).toEqual({
      arn,
      name: 'Admin',
      description: 'admins',
      sessionDuration: 'PT4H',
      relayState: 'https://console.aws.amazon.com/',
    });
    const listed = await backend.ssoAdmin.listPermissionSets(instanceArn);
    expect(listed).toHaveLength(3);
    expect(listed).toContain(arn);
    expect(backend.stats().calls['sso-admin:ListPermissionSets']).toBe(2);

    // Every field is sent: moto would reset an omitted description or relay state.
    await backend.ssoAdmin.updatePermissionSet(instanceArn, {
      arn,
      description: 'administrators',
      sessionDuration: 'PT8H',
      relayState: 'https://console.aws.amazon.com/',
    });
    expect(await backend.ssoAdmin.describePermissionSet(instanceArn, arn)).toEqual({
      arn,
      name: 'Admin',
      description: 'administrators',
      sessionDuration: 'PT8H',
      relayState: 'https://console.aws.amazon.com/',
    });

    await backend.ssoAdmin.deletePermissionSet(instanceArn, arn);
    expect(await backend.ssoAdmin.listPermissionSets(instanceArn)).toHaveLength(2);
    const gone = await backend.ssoAdmin.describePermissionSet(instanceArn, arn).catch((e: unknown) => e);
    expect(isServiceError(gone, 'ResourceNotFoundException')).toBe(true);
  });

  it("normalizes moto's numeric session duration to ISO-8601", async () => {
    // Created without a duration through the raw SDK: moto stores the number 3600.
    const { CreatePermissionSetCommand } = await import('@aws-sdk/client-sso-admin');
    const raw = motoClients(moto).ssoAdmin;
    const out = await raw.send(
      new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'NoDuration' }),
    );
    raw.destroy();
    expect(out.PermissionSet?.SessionDuration).toBe(3600);
    const described = await backend.ssoAdmin.describePermissionSet(
      instanceArn,
      out.PermissionSet!.PermissionSetArn!,
    );
    expect(described.sessionDuration).toBe('PT1H');
  });

  it('puts, reads and deletes the inline policy', async () => {
    const { arn } = await createPs('Inline');
    expect(await backend.ssoAdmin.getInlinePolicyForPermissionSet(instanceArn, arn)).toBeUndefined();
    await backend.ssoAdmin.putInlinePolicyToPermissionSet(instanceArn, arn, INLINE);
    expect(await backend.ssoAdmin.getInlinePolicyForPermissionSet(instanceArn, arn)).toBe(INLINE);
    await backend.ssoAdmin.deleteInlinePolicyFromPermissionSet(instanceArn, arn);
    expect(await backend.ssoAdmin.getInlinePolicyForPermissionSet(instanceArn, arn)).toBeUndefined();
  });

  it('attaches and detaches AWS-managed policies (paginated)', async () => {
    const { arn } = await createPs('Managed');
    const policies = [
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/SecurityAudit',
    ];
    for (const p of policies) await backend.ssoAdmin.attachManagedPolicyToPermissionSet(instanceArn, arn, p);
    expect(
      (await backend.ssoAdmin.listManagedPoliciesInPermissionSet(instanceArn, arn)).slice().sort(),
    ).toEqual(policies.slice().sort());
    expect(backend.stats().calls['sso-admin:ListManagedPoliciesInPermissionSet']).toBe(2);
    await backend.ssoAdmin.detachManagedPolicyFromPermissionSet(instanceArn, arn, policies[1]!);
    expect(
      (await backend.ssoAdmin.listManagedPoliciesInPermissionSet(instanceArn, arn)).slice().sort(),
    ).toEqual([policies[0], policies[2]]);
  });

  it('attaches and detaches customer-managed policy references', async () => {
    const { arn } = await createPs('Cmp');
    await backend.ssoAdmin.attachCustomerManagedPolicyReferenceToPermissionSet(instanceArn, arn, {
      name: 'deny-regions',
      path: '/guardrails/',
    });
    await backend.ssoAdmin.attachCustomerManagedPolicyReferenceToPermissionSet(instanceArn, arn, {
      name: 'boundary',
      path: '/',
    });
    expect(
      (await backend.ssoAdmin.listCustomerManagedPolicyReferencesInPermissionSet(instanceArn, arn))
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'boundary', path: '/' },
      { name: 'deny-regions', path: '/guardrails/' },
    ]);
    await backend.ssoAdmin.detachCustomerManagedPolicyReferenceFromPermissionSet(instanceArn, arn, {
      name: 'boundary',
      path: '/',
    });
    expect(
      await backend.ssoAdmin.listCustomerManagedPolicyReferencesInPermissionSet(instanceArn, arn),
    ).toEqual([{ name: 'deny-regions', path: '/guardrails/' }]);
  });

  it('provisions a permission set and lists the accounts it is provisioned to', async () => {
    const { arn } = await createPs('Provisioned');
    expect(await backend.ssoAdmin.listAccountsForProvisionedPermissionSet(instanceArn, arn)).toEqual([]);
    const status = await backend.ssoAdmin.provisionPermissionSet(instanceArn, arn, '111111111111');
    expect(status.status).toBe('SUCCEEDED');
    expect(status.requestId).not.toBe('');
    // moto ignores TargetId and provisions to the caller's account.
    expect(
      await backend.ssoAdmin.listAccountsForProvisionedPermissionSet(
        instanceArn,
        arn,
        'LATEST_PERMISSION_SET_PROVISIONED',
      ),
    ).toEqual(['123456789012']);
  });

  it('creates, lists and deletes account assignments with their async statuses', async () => {
    const { arn } = await createPs('Assigned');
    const assignments = [
      {
        accountId: '111111111111',
        permissionSetArn: arn,
        principalType: 'GROUP' as const,
        principalId: GROUP_ID,
      },
      {
        accountId: '111111111111',
        permissionSetArn: arn,
        principalType: 'USER' as const,
        principalId: USER_ID,
      },
      {
        accountId: '222222222222',
        permissionSetArn: arn,
        principalType: 'GROUP' as const,
        principalId: GROUP_ID,
      },
    ];
    for (const a of assignments) {
      const created = await backend.ssoAdmin.createAccountAssignment(instanceArn, a);
      expect(created.status).toBe('SUCCEEDED');
      const polled = await backend.ssoAdmin.describeAccountAssignmentCreationStatus(
        instanceArn,
        created.requestId,
      );
      expect(polled).toEqual({ requestId: created.requestId, status: 'SUCCEEDED' });
    }
    const inFirst = await backend.ssoAdmin.listAccountAssignments(instanceArn, '111111111111', arn);
    expect(inFirst.slice().sort((a, b) => a.principalType.localeCompare(b.principalType))).toEqual([
      assignments[0],
      assignments[1],
    ]);
    const forGroup = await backend.ssoAdmin.listAccountAssignmentsForPrincipal(
      instanceArn,
      'GROUP',
      GROUP_ID,
    );
    expect(forGroup.slice().sort((a, b) => a.accountId.localeCompare(b.accountId))).toEqual([
      assignments[0],
      assignments[2],
    ]);

    const deleted = await backend.ssoAdmin.deleteAccountAssignment(instanceArn, assignments[1]!);
    expect(deleted.status).toBe('SUCCEEDED');
    expect(
      await backend.ssoAdmin.describeAccountAssignmentDeletionStatus(instanceArn, deleted.requestId),
    ).toEqual({
      requestId: deleted.requestId,
      status: 'SUCCEEDED',
    });
    expect(await backend.ssoAdmin.listAccountAssignments(instanceArn, '111111111111', arn)).toEqual([
      assignments[0],
    ]);
  });

  it('names the operation when moto does not implement it (HTML 500, not retried)', async () => {
    const { arn } = await createPs('Unimplemented');
    const err = await backend.ssoAdmin
      .describePermissionSetProvisioningStatus(instanceArn, 'ins-request')
      .catch((e: unknown) => e);
    expect(isServiceError(err, 'InvalidResponse')).toBe(true);
    expect((err as Error).message).toMatch(
      /^sso-admin:DescribePermissionSetProvisioningStatus: InvalidResponse: HTTP 500 with a body that is not an AWS error response/,
    );
    expect((err as Error).message).toContain(
      'may not implement sso-admin:DescribePermissionSetProvisioningStatus',
    );
    expect(backend.stats().retries).toEqual({});
    expect(arn).toBeTruthy();
  });
});
