/**
 * A brownfield organization seeded into moto with raw SDK clients, the way years of console work
 * would leave it: 200 member accounts in 20 OUs on three levels, 30 SCPs attached at the root, OUs
 * and accounts, 10 permission sets, 500 assignments, trusted services, a delegated administrator
 * and tags. The seeding bypasses orgops (no rate limiter, no counting) and runs a few requests at a
 * time, because moto answers in milliseconds.
 */

import { CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  MoveAccountCommand,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { mapLimit } from '@orgops/live';
import { seedOrganizationRoot, tagList } from '@orgops/testkit/moto';
import type { AwsClients } from '../../src/index.ts';
import {
  assignmentKey,
  denyContent,
  GROUPS,
  HOMES,
  MANAGEMENT_ACCOUNT,
  NEAR_LIMIT_RESOURCES,
  OU_PATHS,
  OU_TAGS,
  type OuPath,
  PERMISSION_SETS,
  SEEDED_SMELLS,
  USERS,
} from './brownfield-shape.ts';

/** Requests in flight while seeding; moto's server is threaded, and more buys nothing on 2 cores. */
const SEED_CONCURRENCY = 8;

export interface SeededAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly home: OuPath | '';
}

export interface BrownfieldOrg {
  readonly rootId: string;
  readonly ous: Readonly<Record<OuPath, string>>;
  readonly accounts: readonly SeededAccount[];
  readonly accountByName: ReadonlyMap<string, SeededAccount>;
  /** SCP name -> id. */
  readonly policies: Readonly<Record<string, string>>;
  /** SCP name -> target ids it is attached to. */
  readonly attachments: Readonly<Record<string, readonly string[]>>;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** Permission set name -> ARN. */
  readonly permissionSets: Readonly<Record<string, string>>;
  /** Group display name or user name -> identity-store id. */
  readonly groups: Readonly<Record<string, string>>;
  readonly users: Readonly<Record<string, string>>;
  /** Every seeded assignment as `principalType:principalId/permissionSetArn@accountId`. */
  readonly assignments: readonly string[];
  readonly trustedServices: readonly string[];
  readonly delegatedAdmin: { readonly accountId: string; readonly servicePrincipal: string };
}

export async function seedBrownfield(c: AwsClients): Promise<BrownfieldOrg> {
  const org = c.organizations;
  const trustedServices = ['sso.amazonaws.com', 'guardduty.amazonaws.com', 'config.amazonaws.com'];
  const rootId = await seedOrganizationRoot(org, trustedServices);

  const ous = {} as Record<OuPath, string>;
  const parentOf = (path: string): string => {
    const cut = path.lastIndexOf('/');
    return cut < 0 ? rootId : ous[path.slice(0, cut) as OuPath];
  };
  for (const depth of [1, 2, 3]) {
    const level = OU_PATHS.filter((p) => p.split('/').length === depth);
    await mapLimit(level, SEED_CONCURRENCY, async (path) => {
      const out = await org.send(
        new CreateOrganizationalUnitCommand({
          ParentId: parentOf(path),
          Name: path.split('/').pop()!,
          Tags: tagList(OU_TAGS[path] ?? {}),
        }),
      );
      ous[path] = out.OrganizationalUnit!.Id!;
    });
  }

  const planned = HOMES.flatMap(([home, prefix, count, env, team]) =>
    Array.from({ length: count }, (_, i) => {
      const name = `${prefix}-${String(i + 1).padStart(2, '0')}`;
      const tags: Record<string, string> = { env, team };
      if (i % 3 === 0) tags['cost-center'] = `cc-${100 + (i % 7)}`;
      return { home, name, email: `${name}@example.com`, tags };
    }),
  );
  const accounts = await mapLimit(planned, SEED_CONCURRENCY, async (a): Promise<SeededAccount> => {
    const out = await org.send(
      new CreateAccountCommand({ Email: a.email, AccountName: a.name, Tags: tagList(a.tags) }),
    );
    const id = out.CreateAccountStatus!.AccountId!;
    if (a.home !== '')
      await org.send(
        new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: ous[a.home] }),
      );
    return { id, name: a.name, email: a.email, home: a.home };
  });
  const accountByName = new Map(accounts.map((a) => [a.name, a]));
  const acct = (name: string) => accountByName.get(name)!.id;
  const inHome = (home: OuPath | '') => accounts.filter((a) => a.home === home);

  // 30 SCPs: 3 on the root, one per OU (20), one shared by the three environment OUs, and 6 on
  // single or a few accounts. No target gets more than FullAWSAccess + 3.
  const scps: [string, string[], string[]][] = [
    ['deny-leave-organization', ['organizations:LeaveOrganization'], [rootId]],
    ['deny-root-user', ['iam:CreateAccessKey'], [rootId]],
    [
      'deny-cloudtrail-changes',
      ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', SEEDED_SMELLS.misspeltAction],
      [rootId],
    ],
    ...OU_PATHS.map((path): [string, string[], string[]] => [
      `ou-guard-${path.toLowerCase().replaceAll('/', '-')}`,
      [`ec2:Delete${path.split('/').pop()}*`],
      [ous[path]],
    ]),
    [
      'deny-regions-outside-eu',
      ['ec2:RunInstances'],
      [ous['Workloads/Prod'], ous['Workloads/Staging'], ous['Workloads/Dev']],
    ],
    ['deny-s3-public', ['s3:PutBucketPublicAccessBlock'], [acct('prod-data-01'), acct('prod-data-02')]],
    ['deny-kms-delete', ['kms:ScheduleKeyDeletion'], [acct('log-archive-01'), acct('log-archive-02')]],
    ['deny-guardduty-off', ['guardduty:DeleteDetector'], [acct('security-tooling-01')]],
    ['deny-vpc-peering', ['ec2:CreateVpcPeeringConnection'], [acct('network-01')]],
    ['deny-legacy-iam', ['iam:CreateUser'], [acct('legacy-01'), acct('legacy-02')]],
    ['deny-sandbox-expensive', ['ec2:PurchaseReservedInstancesOffering'], [acct('sandbox-01')]],
  ];
  const policies: Record<string, string> = {};
  const attachments: Record<string, string[]> = {};
  await mapLimit(scps, SEED_CONCURRENCY, async ([name, actions, targets]) => {
    const out = await org.send(
      new CreatePolicyCommand({
        Type: 'SERVICE_CONTROL_POLICY',
        Name: name,
        Description: `${name} guardrail`,
        Content:
          name === SEEDED_SMELLS.nearLimitPolicy
            ? denyContent(actions, NEAR_LIMIT_RESOURCES)
            : denyContent(actions),
        // Every fourth policy carries a tag.
        Tags: scps.findIndex((s) => s[0] === name) % 4 === 0 ? tagList({ owner: 'security' }) : [],
      }),
    );
    const id = out.Policy!.PolicySummary!.Id!;
    policies[name] = id;
    attachments[name] = targets;
    for (const target of targets) await org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: target }));
  });

  const delegatedAdmin = {
    accountId: acct('security-tooling-01'),
    servicePrincipal: 'guardduty.amazonaws.com',
  };
  await org.send(
    new RegisterDelegatedAdministratorCommand({
      AccountId: delegatedAdmin.accountId,
      ServicePrincipal: delegatedAdmin.servicePrincipal,
    }),
  );

  const instance = (await c.ssoAdmin.send(new ListInstancesCommand({}))).Instances![0]!;
  const instanceArn = instance.InstanceArn!;
  const identityStoreId = instance.IdentityStoreId!;
  const permissionSets: Record<string, string> = {};
  await mapLimit(PERMISSION_SETS, SEED_CONCURRENCY, async (ps) => {
    const out = await c.ssoAdmin.send(
      new CreatePermissionSetCommand({
        InstanceArn: instanceArn,
        Name: ps.name,
        SessionDuration: ps.sessionDuration,
        ...(ps.description ? { Description: ps.description } : {}),
        ...(ps.relayState ? { RelayState: ps.relayState } : {}),
      }),
    );
    const arn = out.PermissionSet!.PermissionSetArn!;
    permissionSets[ps.name] = arn;
    const ids = { InstanceArn: instanceArn, PermissionSetArn: arn };
    for (const ManagedPolicyArn of ps.managed)
      await c.ssoAdmin.send(new AttachManagedPolicyToPermissionSetCommand({ ...ids, ManagedPolicyArn }));
    if (ps.inline)
      await c.ssoAdmin.send(new PutInlinePolicyToPermissionSetCommand({ ...ids, InlinePolicy: ps.inline }));
    for (const ref of ps.customerManaged ?? [])
      await c.ssoAdmin.send(
        new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
          ...ids,
          CustomerManagedPolicyReference: { Name: ref.name, Path: ref.path },
        }),
      );
  });

  const groups: Record<string, string> = {};
  await mapLimit(GROUPS, SEED_CONCURRENCY, async (name) => {
    const out = await c.identityStore.send(
      new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: name }),
    );
    groups[name] = out.GroupId!;
  });
  const users: Record<string, string> = {};
  await mapLimit(USERS, SEED_CONCURRENCY, async (name) => {
    const out = await c.identityStore.send(
      new CreateUserCommand({
        IdentityStoreId: identityStoreId,
        UserName: name,
        DisplayName: name,
        Name: { GivenName: name, FamilyName: 'Example' },
      }),
    );
    users[name] = out.UserId!;
  });

  // 500 assignments, shaped like a real organization: an auditor group everywhere, team groups on
  // their OU's accounts, and a few people with one-off grants.
  const members = accounts;
  const prod = accounts.filter((a) => a.home.startsWith('Workloads/Prod'));
  const grants: [
    type: 'GROUP' | 'USER',
    principal: string,
    permissionSet: string,
    accounts: SeededAccount[],
  ][] = [
    ['GROUP', 'Auditors', 'SecurityAudit', members],
    [
      'GROUP',
      'Platform',
      'AdministratorAccess',
      [...inHome('Infrastructure/Network'), ...inHome('Infrastructure/Shared')],
    ],
    ['GROUP', 'payments-prod', 'PowerUser', inHome('Workloads/Prod/Payments')],
    ['GROUP', 'shop-prod', 'PowerUser', inHome('Workloads/Prod/Shop')],
    ['GROUP', 'data-prod', 'PowerUser', inHome('Workloads/Prod/Data')],
    ['GROUP', 'payments-staging', 'Developer', inHome('Workloads/Staging/Payments')],
    ['GROUP', 'shop-staging', 'Developer', inHome('Workloads/Staging/Shop')],
    ['GROUP', 'payments-dev', 'Developer', inHome('Workloads/Dev/Payments')],
    ['GROUP', 'shop-dev', 'Developer', inHome('Workloads/Dev/Shop')],
    ['GROUP', 'sandbox-users', 'AdministratorAccess', inHome('Sandbox/Teams')],
    ['GROUP', 'FinOps', 'Billing', prod.slice(0, 40)],
    ['GROUP', 'Security-Responders', 'BreakGlass', prod.slice(40, 70)],
    ['USER', 'alice', 'ReadOnly', prod.slice(0, 15)],
    ['USER', 'bob', 'S3Reader', inHome('Workloads/Prod/Data').slice(0, 10)],
    [
      'USER',
      'carol',
      'Support',
      [...inHome('Security/Audit'), ...inHome('Security/Logs'), ...inHome('Infrastructure/Network')],
    ],
    [
      'USER',
      'dave',
      'NetworkAdmin',
      [...inHome('Infrastructure/Network'), ...inHome('Infrastructure/Shared').slice(0, 2)],
    ],
  ];
  const requests = grants.flatMap(([type, principal, ps, targets]) =>
    targets.map((a) => ({
      InstanceArn: instanceArn,
      TargetId: a.id,
      TargetType: 'AWS_ACCOUNT' as const,
      PermissionSetArn: permissionSets[ps]!,
      PrincipalType: type,
      PrincipalId: type === 'GROUP' ? groups[principal]! : users[principal]!,
    })),
  );
  await mapLimit(requests, SEED_CONCURRENCY, (input) =>
    c.ssoAdmin.send(new CreateAccountAssignmentCommand(input)),
  );
  // moto provisions to the caller's account whatever TargetId says; without a provisioned account
  // the reader would (rightly, on AWS) conclude there can be no assignments.
  await mapLimit(Object.values(permissionSets), SEED_CONCURRENCY, (arn) =>
    c.ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: arn,
        TargetId: MANAGEMENT_ACCOUNT,
        TargetType: 'AWS_ACCOUNT',
      }),
    ),
  );

  return {
    rootId,
    ous,
    accounts,
    accountByName,
    policies,
    attachments,
    instanceArn,
    identityStoreId,
    permissionSets,
    groups,
    users,
    assignments: requests.map(assignmentKey),
    trustedServices,
    delegatedAdmin,
  };
}
