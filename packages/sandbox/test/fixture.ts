import type { AsyncStatus } from '@orgops/live';
import type { SandboxBackend } from '../src/index.ts';
import { createAccount, doc, INSTANCE, ROOT, SCP, STORE } from './helpers.ts';

export interface Fixture {
  readonly ous: Record<'security' | 'workloads' | 'prod' | 'dev', string>;
  readonly accounts: Record<'log' | 'prod' | 'dev', string>;
  readonly policies: Record<'denyLeave' | 'denyS3', string>;
  readonly permissionSets: Record<'admin' | 'readOnly', string>;
}

async function settle(sb: SandboxBackend, s: AsyncStatus, kind: 'create' | 'provision'): Promise<void> {
  let status = s;
  while (status.status === 'IN_PROGRESS') {
    status =
      kind === 'create'
        ? await sb.ssoAdmin.describeAccountAssignmentCreationStatus(INSTANCE, s.requestId)
        : await sb.ssoAdmin.describePermissionSetProvisioningStatus(INSTANCE, s.requestId);
  }
  if (status.status !== 'SUCCEEDED') throw new Error(`fixture: ${status.failureReason}`);
}

/**
 * A small fixed organization built through the ports: 4 OUs, 3 member accounts, 2 SCPs,
 * a delegated administrator, 2 permission sets and 4 assignments over 3 provisioned pairs.
 */
export async function buildFixture(sb: SandboxBackend): Promise<Fixture> {
  const org = sb.organizations;
  const security = (await org.createOrganizationalUnit(ROOT, 'Security', {})).id;
  const workloads = (await org.createOrganizationalUnit(ROOT, 'Workloads', { owner: 'platform' })).id;
  const prod = (await org.createOrganizationalUnit(workloads, 'Prod', {})).id;
  const dev = (await org.createOrganizationalUnit(workloads, 'Dev', {})).id;
  const log = await createAccount(sb, 'log-archive');
  const appProd = await createAccount(sb, 'app-prod');
  const appDev = await createAccount(sb, 'app-dev');
  await org.moveAccount(log, ROOT, security);
  await org.moveAccount(appProd, ROOT, prod);
  await org.moveAccount(appDev, ROOT, dev);
  await org.tagResource(appProd, { env: 'prod' });
  const denyLeave = await org.createPolicy({
    type: SCP,
    name: 'deny-leave',
    description: 'no leaving',
    content: doc('organizations:LeaveOrganization'),
    tags: { guardrail: 'yes' },
  });
  const denyS3 = await org.createPolicy({
    type: SCP,
    name: 'deny-s3',
    description: '',
    content: doc('s3:*'),
    tags: {},
  });
  await org.attachPolicy(denyLeave.id, ROOT);
  await org.attachPolicy(denyS3.id, workloads);
  await org.enableAWSServiceAccess('guardduty.amazonaws.com');
  await org.registerDelegatedAdministrator(log, 'guardduty.amazonaws.com');

  const sso = sb.ssoAdmin;
  const admin = (
    await sso.createPermissionSet(INSTANCE, { name: 'Admin', sessionDuration: 'PT1H', tags: {} })
  ).arn;
  await sso.attachManagedPolicyToPermissionSet(
    INSTANCE,
    admin,
    'arn:aws:iam::aws:policy/AdministratorAccess',
  );
  const readOnly = (
    await sso.createPermissionSet(INSTANCE, {
      name: 'ReadOnly',
      description: 'Read everything',
      sessionDuration: 'PT4H',
      tags: { tier: 'low' },
    })
  ).arn;
  await sso.attachManagedPolicyToPermissionSet(INSTANCE, readOnly, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
  await sso.putInlinePolicyToPermissionSet(INSTANCE, readOnly, doc('kms:Decrypt'));
  await sso.attachCustomerManagedPolicyReferenceToPermissionSet(INSTANCE, readOnly, {
    name: 'extra',
    path: '/',
  });
  await sso.putPermissionsBoundaryToPermissionSet(INSTANCE, readOnly, {
    managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
  });

  const developers = (await sb.identityStore.getGroupId(STORE, 'developers'))!;
  const admins = (await sb.identityStore.getGroupId(STORE, 'platform-admins'))!;
  const alice = (await sb.identityStore.getUserId(STORE, 'alice'))!;
  const assignments = [
    {
      accountId: appDev,
      permissionSetArn: readOnly,
      principalType: 'GROUP' as const,
      principalId: developers,
    },
    {
      accountId: appProd,
      permissionSetArn: readOnly,
      principalType: 'GROUP' as const,
      principalId: developers,
    },
    { accountId: appProd, permissionSetArn: admin, principalType: 'GROUP' as const, principalId: admins },
    { accountId: appDev, permissionSetArn: readOnly, principalType: 'USER' as const, principalId: alice },
  ];
  for (const a of assignments) await settle(sb, await sso.createAccountAssignment(INSTANCE, a), 'create');
  // An update after provisioning leaves app-dev and app-prod on an outdated ReadOnly.
  await sso.updatePermissionSet(INSTANCE, {
    arn: readOnly,
    description: 'Read everything',
    sessionDuration: 'PT8H',
  });
  await settle(sb, await sso.provisionPermissionSet(INSTANCE, readOnly, appProd), 'provision');

  return {
    ous: { security, workloads, prod, dev },
    accounts: { log, prod: appProd, dev: appDev },
    policies: { denyLeave: denyLeave.id, denyS3: denyS3.id },
    permissionSets: { admin, readOnly },
  };
}
