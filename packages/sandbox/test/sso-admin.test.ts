import type { AsyncStatus, SsoAdminPort } from '@orgops/live';
import { LIMITS } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { SandboxBackend } from '../src/index.ts';
import { createAccount, doc, expectAwsError, INSTANCE, STORE, sandbox, suspendAccount } from './helpers.ts';

const ps = (name: string, sessionDuration = 'PT1H') => ({ name, sessionDuration, tags: {} });

async function settle(
  sb: SandboxBackend,
  started: AsyncStatus,
  describe: (sso: SsoAdminPort, id: string) => Promise<AsyncStatus>,
): Promise<AsyncStatus> {
  let s = started;
  while (s.status === 'IN_PROGRESS') s = await describe(sb.ssoAdmin, s.requestId);
  return s;
}
const creation = (sso: SsoAdminPort, id: string) => sso.describeAccountAssignmentCreationStatus(INSTANCE, id);
const deletion = (sso: SsoAdminPort, id: string) => sso.describeAccountAssignmentDeletionStatus(INSTANCE, id);
const provisioning = (sso: SsoAdminPort, id: string) =>
  sso.describePermissionSetProvisioningStatus(INSTANCE, id);

async function setup() {
  const sb = sandbox();
  const account = await createAccount(sb, 'app');
  const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('Admin'));
  const groupId = (await sb.identityStore.getGroupId(STORE, 'developers'))!;
  const assignment = {
    accountId: account,
    permissionSetArn: arn,
    principalType: 'GROUP' as const,
    principalId: groupId,
  };
  return { sb, account, arn, groupId, assignment };
}

describe('permission sets', () => {
  it('creates valid arns; names are ≤32 characters and unique (ConflictException)', async () => {
    const sb = sandbox();
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('x'.repeat(32)));
    expect(arn).toMatch(/^arn:aws:sso:::permissionSet\/(sso)?ins-[a-zA-Z0-9-.]{16}\/ps-[a-zA-Z0-9-./]{16}$/);
    await expectAwsError(
      sb.ssoAdmin.createPermissionSet(INSTANCE, ps('x'.repeat(33))),
      'ValidationException',
    );
    await expectAwsError(sb.ssoAdmin.createPermissionSet(INSTANCE, ps('bad name')), 'ValidationException');
    await expectAwsError(sb.ssoAdmin.createPermissionSet(INSTANCE, ps('x'.repeat(32))), 'ConflictException');
  });

  it('accepts sessions from PT1H to PT12H only', async () => {
    const sb = sandbox();
    await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('a', 'PT12H'));
    await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('b', 'PT1H30M'));
    await expectAwsError(sb.ssoAdmin.createPermissionSet(INSTANCE, ps('c', 'PT13H')), 'ValidationException');
    await expectAwsError(sb.ssoAdmin.createPermissionSet(INSTANCE, ps('d', 'PT30M')), 'ValidationException');
    await expectAwsError(sb.ssoAdmin.createPermissionSet(INSTANCE, ps('e', '1 hour')), 'ValidationException');
  });

  it('refuses an inline policy that is not a valid identity policy (ValidationException) and keeps the old one', async () => {
    const sb = sandbox();
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('Inline'));
    await sb.ssoAdmin.putInlinePolicyToPermissionSet(INSTANCE, arn, doc('s3:GetObject'));
    const text = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
    for (const bad of [
      text({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }),
      text({ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }),
      text({ Effect: 'Allow', Action: 's3:GetObject' }),
      text({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEqual: { 'aws:x': 'y' } },
      }),
    ]) {
      await expectAwsError(
        sb.ssoAdmin.putInlinePolicyToPermissionSet(INSTANCE, arn, bad),
        'ValidationException',
      );
    }
    expect(await sb.ssoAdmin.getInlinePolicyForPermissionSet(INSTANCE, arn)).toBe(doc('s3:GetObject'));
  });

  it('allows 25 managed + customer-managed policies and refuses the 26th', async () => {
    const sb = sandbox();
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('Many'));
    const max = LIMITS.identityCenter.maxManagedPolicies;
    for (let i = 0; i < 15; i++)
      await sb.ssoAdmin.attachManagedPolicyToPermissionSet(INSTANCE, arn, `arn:aws:iam::aws:policy/P${i}`);
    for (let i = 0; i < max - 15; i++)
      await sb.ssoAdmin.attachCustomerManagedPolicyReferenceToPermissionSet(INSTANCE, arn, {
        name: `c${i}`,
        path: '/',
      });
    await expectAwsError(
      sb.ssoAdmin.attachManagedPolicyToPermissionSet(INSTANCE, arn, 'arn:aws:iam::aws:policy/One'),
      'ServiceQuotaExceededException',
    );
    await expectAwsError(
      sb.ssoAdmin.attachCustomerManagedPolicyReferenceToPermissionSet(INSTANCE, arn, {
        name: 'one',
        path: '/',
      }),
      'ServiceQuotaExceededException',
    );
  });

  it('cannot be deleted while assignments or requests exist', async () => {
    const { sb, arn, assignment } = await setup();
    const started = await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment);
    await expectAwsError(sb.ssoAdmin.deletePermissionSet(INSTANCE, arn), 'ConflictException');
    await settle(sb, started, creation);
    await expectAwsError(sb.ssoAdmin.deletePermissionSet(INSTANCE, arn), 'ConflictException');
    await settle(sb, await sb.ssoAdmin.deleteAccountAssignment(INSTANCE, assignment), deletion);
    await sb.ssoAdmin.deletePermissionSet(INSTANCE, arn);
    expect(await sb.ssoAdmin.listPermissionSets(INSTANCE)).toEqual([]);
  });

  it('shows accounts as not provisioned after an update until re-provisioned', async () => {
    const { sb, account, arn, assignment } = await setup();
    const inState = (status: 'LATEST_PERMISSION_SET_PROVISIONED' | 'LATEST_PERMISSION_SET_NOT_PROVISIONED') =>
      sb.ssoAdmin.listAccountsForProvisionedPermissionSet(INSTANCE, arn, status);
    const outdated = () => inState('LATEST_PERMISSION_SET_NOT_PROVISIONED');
    const current = () => inState('LATEST_PERMISSION_SET_PROVISIONED');
    await settle(sb, await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment), creation);
    expect(await sb.ssoAdmin.listAccountsForProvisionedPermissionSet(INSTANCE, arn)).toEqual([account]);
    expect(await outdated()).toEqual([]);
    await sb.ssoAdmin.putInlinePolicyToPermissionSet(INSTANCE, arn, doc('s3:GetObject'));
    expect(await outdated()).toEqual([account]);
    const done = await settle(
      sb,
      await sb.ssoAdmin.provisionPermissionSet(INSTANCE, arn, account),
      provisioning,
    );
    expect(done.status).toBe('SUCCEEDED');
    expect(await outdated()).toEqual([]);
    expect(await current()).toEqual([account]);
  });

  it('allows 3 provisionings at once and refuses a fourth', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const accounts = [];
    for (let i = 0; i < 4; i++) accounts.push(await createAccount(sb, `p${i}`));
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('P'));
    for (const a of accounts.slice(0, 3)) await sb.ssoAdmin.provisionPermissionSet(INSTANCE, arn, a);
    await expectAwsError(
      sb.ssoAdmin.provisionPermissionSet(INSTANCE, arn, accounts[3]!),
      'ThrottlingException',
    );
  });
});

describe('account assignments', () => {
  it('are IN_PROGRESS for a couple of polls, then SUCCEEDED and listed', async () => {
    const { sb, account, arn, assignment, groupId } = await setup();
    const started = await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment);
    expect(started.status).toBe('IN_PROGRESS');
    expect(await sb.ssoAdmin.listAccountAssignments(INSTANCE, account, arn)).toEqual([]);
    expect((await creation(sb.ssoAdmin, started.requestId)).status).toBe('IN_PROGRESS');
    expect((await creation(sb.ssoAdmin, started.requestId)).status).toBe('SUCCEEDED');
    expect(await sb.ssoAdmin.listAccountAssignments(INSTANCE, account, arn)).toEqual([assignment]);
    expect(await sb.ssoAdmin.listAccountAssignmentsForPrincipal(INSTANCE, 'GROUP', groupId)).toEqual([
      assignment,
    ]);
  });

  it('accepts creating an existing assignment, which simply succeeds', async () => {
    const { sb, account, arn, assignment } = await setup();
    await settle(sb, await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment), creation);
    const again = await settle(sb, await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment), creation);
    expect(again.status).toBe('SUCCEEDED');
    expect(await sb.ssoAdmin.listAccountAssignments(INSTANCE, account, arn)).toHaveLength(1);
  });

  it('fails in the status (not the call) on a suspended account', async () => {
    const { sb, account, assignment } = await setup();
    suspendAccount(sb, account);
    const started = await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment);
    const final = await settle(sb, started, creation);
    expect(final.status).toBe('FAILED');
    expect(final.failureReason).toMatch(/SUSPENDED/);
  });

  it('requires principals that exist in the identity store', async () => {
    const { sb, assignment } = await setup();
    await expectAwsError(
      sb.ssoAdmin.createAccountAssignment(INSTANCE, {
        ...assignment,
        principalId: '00000000-0000-4000-8000-0000000fffff',
      }),
      'ValidationException',
    );
  });

  it('allows one role update per account at a time (ConflictException)', async () => {
    const { sb, arn, assignment } = await setup();
    await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment);
    const userId = (await sb.identityStore.getUserId(STORE, 'alice'))!;
    await expectAwsError(
      sb.ssoAdmin.createAccountAssignment(INSTANCE, {
        ...assignment,
        principalType: 'USER',
        principalId: userId,
      }),
      'ConflictException',
    );
    await expectAwsError(
      sb.ssoAdmin.provisionPermissionSet(INSTANCE, arn, assignment.accountId),
      'ConflictException',
    );
  });

  it('allows 15 outstanding assignment operations and refuses the 16th', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    const state = sb.exportState();
    state.quotas.maxAccounts = 20;
    sb.importState(state);
    const accounts = [];
    for (let i = 0; i < 16; i++) accounts.push(await createAccount(sb, `a${i}`));
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, ps('P'));
    const groupId = (await sb.identityStore.getGroupId(STORE, 'finops'))!;
    const assign = (accountId: string) =>
      sb.ssoAdmin.createAccountAssignment(INSTANCE, {
        accountId,
        permissionSetArn: arn,
        principalType: 'GROUP',
        principalId: groupId,
      });
    const started = [];
    for (const a of accounts.slice(0, 15)) started.push(await assign(a));
    await expectAwsError(assign(accounts[15]!), 'ThrottlingException');
    await settle(sb, started[0]!, creation);
    expect((await assign(accounts[15]!)).status).toBe('IN_PROGRESS');
  });

  it('deleting the last assignment in an account removes the provisioned role there', async () => {
    const { sb, arn, assignment } = await setup();
    await settle(sb, await sb.ssoAdmin.createAccountAssignment(INSTANCE, assignment), creation);
    await settle(sb, await sb.ssoAdmin.deleteAccountAssignment(INSTANCE, assignment), deletion);
    expect(await sb.ssoAdmin.listAccountsForProvisionedPermissionSet(INSTANCE, arn)).toEqual([]);
    await expectAwsError(
      sb.ssoAdmin.deleteAccountAssignment(INSTANCE, assignment),
      'ResourceNotFoundException',
    );
  });
});
