/**
 * A fixed organization seeded into moto through the raw SDK (so the backend under test starts
 * with zero calls): 5 OUs on two levels, 5 member accounts, 3 SCPs, 3 permission sets, 3
 * principals and 4 assignments.
 */

import { CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  MoveAccountCommand,
} from '@aws-sdk/client-organizations';
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { seedOrganizationRoot, tagList } from '@orgops/testkit/moto';
import type { AwsClients } from '../src/index.ts';

export interface SeededOrg {
  readonly rootId: string;
  readonly ous: Readonly<Record<string, string>>;
  readonly accounts: Readonly<Record<string, string>>;
  readonly policies: Readonly<Record<string, string>>;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly permissionSets: Readonly<Record<string, string>>;
  readonly principals: Readonly<Record<string, string>>;
}

export const MANAGEMENT_ACCOUNT = '123456789012';

const scp = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });

export async function seedOrganization(c: AwsClients): Promise<SeededOrg> {
  const org = c.organizations;
  const rootId = await seedOrganizationRoot(org, ['sso.amazonaws.com']);

  const ous: Record<string, string> = {};
  const ou = async (path: string, name: string, parent: string, tags: Record<string, string> = {}) => {
    const out = await org.send(
      new CreateOrganizationalUnitCommand({
        ParentId: parent,
        Name: name,
        Tags: tagList(tags),
      }),
    );
    ous[path] = out.OrganizationalUnit!.Id!;
  };
  await ou('Security', 'Security', rootId, { owner: 'security' });
  await ou('Workloads', 'Workloads', rootId);
  await ou('Sandbox', 'Sandbox', rootId);
  await ou('Workloads/Prod', 'Prod', ous.Workloads!, { env: 'prod' });
  await ou('Workloads/Dev', 'Dev', ous.Workloads!, { env: 'dev' });

  const accounts: Record<string, string> = {};
  for (const [name, parent, tags] of [
    ['log-archive', 'Security', { owner: 'security' }],
    ['audit', 'Security', {}],
    ['prod-app', 'Workloads/Prod', { env: 'prod', app: 'shop' }],
    ['dev-app', 'Workloads/Dev', {}],
    ['sandbox-1', 'Sandbox', {}],
  ] as const) {
    const out = await org.send(
      new CreateAccountCommand({
        Email: `${name}@example.com`,
        AccountName: name,
        Tags: tagList(tags),
      }),
    );
    const id = out.CreateAccountStatus!.AccountId!;
    accounts[name] = id;
    await org.send(
      new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: ous[parent]! }),
    );
  }

  const policies: Record<string, string> = {};
  for (const [name, action, targets] of [
    ['deny-leave', 'organizations:LeaveOrganization', [rootId]],
    ['deny-cloudtrail-stop', 'cloudtrail:StopLogging', [ous.Workloads!, ous.Sandbox!]],
    ['deny-iam-users', 'iam:CreateUser', [ous['Workloads/Prod']!]],
  ] as const) {
    const out = await org.send(
      new CreatePolicyCommand({
        Type: 'SERVICE_CONTROL_POLICY',
        Name: name,
        Description: `${name} guardrail`,
        Content: scp(action),
        Tags: [{ Key: 'managed-by', Value: 'orgops' }],
      }),
    );
    const id = out.Policy!.PolicySummary!.Id!;
    policies[name] = id;
    for (const target of targets) await org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: target }));
  }

  const instance = (await c.ssoAdmin.send(new ListInstancesCommand({}))).Instances![0]!;
  const instanceArn = instance.InstanceArn!;
  const identityStoreId = instance.IdentityStoreId!;
  const permissionSets: Record<string, string> = {};
  for (const [name, managed, inline] of [
    ['AdministratorAccess', ['arn:aws:iam::aws:policy/AdministratorAccess'], undefined],
    [
      'ReadOnly',
      ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/SecurityAudit'],
      undefined,
    ],
    ['Billing', [], scp('aws-portal:*')],
  ] as const) {
    const out = await c.ssoAdmin.send(
      new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: name, SessionDuration: 'PT4H' }),
    );
    const arn = out.PermissionSet!.PermissionSetArn!;
    permissionSets[name] = arn;
    for (const policyArn of managed) {
      await c.ssoAdmin.send(
        new AttachManagedPolicyToPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
          ManagedPolicyArn: policyArn,
        }),
      );
    }
    if (inline) {
      await c.ssoAdmin.send(
        new PutInlinePolicyToPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
          InlinePolicy: inline,
        }),
      );
    }
  }

  const principals: Record<string, string> = {};
  for (const name of ['Admins', 'Auditors']) {
    const out = await c.identityStore.send(
      new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: name }),
    );
    principals[name] = out.GroupId!;
  }
  const alice = await c.identityStore.send(
    new CreateUserCommand({
      IdentityStoreId: identityStoreId,
      UserName: 'alice',
      DisplayName: 'Alice',
      Name: { GivenName: 'Alice', FamilyName: 'Example' },
    }),
  );
  principals.alice = alice.UserId!;

  // moto provisions to the caller's (management) account whatever TargetId says, and its
  // provisioned-account list is what the reader enumerates assignments from.
  for (const [ps, principalType, principal] of [
    ['AdministratorAccess', 'GROUP', 'Admins'],
    ['ReadOnly', 'GROUP', 'Auditors'],
    ['ReadOnly', 'USER', 'alice'],
    ['Billing', 'USER', 'alice'],
  ] as const) {
    await c.ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: MANAGEMENT_ACCOUNT,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: permissionSets[ps]!,
        PrincipalType: principalType,
        PrincipalId: principals[principal]!,
      }),
    );
  }
  for (const arn of Object.values(permissionSets)) {
    await c.ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: arn,
        TargetId: MANAGEMENT_ACCOUNT,
        TargetType: 'AWS_ACCOUNT',
      }),
    );
  }
  return { rootId, ous, accounts, policies, instanceArn, identityStoreId, permissionSets, principals };
}
