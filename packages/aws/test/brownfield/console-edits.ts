/**
 * Changes made outside orgops, through the raw SDK the way a console user makes them, each with
 * the change a plan of the imported config must show for it.
 */

import {
  CreateOrganizationalUnitCommand,
  DetachPolicyCommand,
  MoveAccountCommand,
  TagResourceCommand,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import type { DriftClass } from '@orgops/engine';
import type { AwsClients } from '../../src/index.ts';
import { denyContent, type OuPath } from './brownfield-shape.ts';
import type { BrownfieldOrg } from './seed-brownfield.ts';

export interface ExpectedDrift {
  /** `action address` of the change that undoes the edit. */
  readonly change: string;
  readonly class: DriftClass;
}

function groupAssignment(org: BrownfieldOrg, group: string, permissionSet: string, account: string) {
  return {
    InstanceArn: org.instanceArn,
    TargetId: org.accountByName.get(account)!.id,
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: org.permissionSets[permissionSet]!,
    PrincipalType: 'GROUP' as const,
    PrincipalId: org.groups[group]!,
  };
}

/**
 * One of each kind of console edit: a move, a detached SCP, an edited SCP, a retag, an added and
 * a deleted assignment, a session duration, an unmanaged (empty) OU.
 */
export async function editLikeAConsoleUser(c: AwsClients, org: BrownfieldOrg): Promise<ExpectedDrift[]> {
  const account = (name: string) => org.accountByName.get(name)!.id;
  await c.organizations.send(
    new MoveAccountCommand({
      AccountId: account('dev-shop-03'),
      SourceParentId: org.ous['Workloads/Dev/Shop'],
      DestinationParentId: org.ous['Workloads/Staging/Shop'],
    }),
  );
  await c.organizations.send(
    new DetachPolicyCommand({
      PolicyId: org.policies['ou-guard-workloads-prod']!,
      TargetId: org.ous['Workloads/Prod'],
    }),
  );
  await c.organizations.send(
    new UpdatePolicyCommand({
      PolicyId: org.policies['deny-root-user']!,
      Content: denyContent(['iam:CreateAccessKey', 'iam:DeleteAccountPasswordPolicy']),
    }),
  );
  await c.organizations.send(
    new TagResourceCommand({
      ResourceId: account('prod-shop-05'),
      Tags: [{ Key: 'env', Value: 'production' }],
    }),
  );
  await c.ssoAdmin.send(
    new CreateAccountAssignmentCommand(groupAssignment(org, 'Contractors', 'ReadOnly', 'dev-payments-01')),
  );
  await c.ssoAdmin.send(
    new DeleteAccountAssignmentCommand(
      groupAssignment(org, 'payments-prod', 'PowerUser', 'prod-payments-07'),
    ),
  );
  // The console sends the whole permission set (and moto resets whatever is omitted).
  await c.ssoAdmin.send(
    new UpdatePermissionSetCommand({
      InstanceArn: org.instanceArn,
      PermissionSetArn: org.permissionSets.ReadOnly!,
      Description: 'Read everything',
      SessionDuration: 'PT2H',
    }),
  );
  await c.organizations.send(
    new CreateOrganizationalUnitCommand({ ParentId: org.ous.Workloads, Name: 'Experiments' }),
  );
  return [
    { change: 'move account/dev-shop-03@example.com', class: 'changed-outside' },
    {
      change: 'attach attachment/SERVICE_CONTROL_POLICY/ou-guard-workloads-prod@/Workloads/Prod',
      class: 'deleted-outside',
    },
    { change: 'update policy/SERVICE_CONTROL_POLICY/deny-root-user', class: 'changed-outside' },
    { change: 'tag account/prod-shop-05@example.com', class: 'changed-outside' },
    {
      change: 'delete assignment/GROUP:Contractors/ReadOnly/dev-payments-01@example.com',
      class: 'created-outside',
    },
    {
      change: 'create assignment/GROUP:payments-prod/PowerUser/prod-payments-07@example.com',
      class: 'deleted-outside',
    },
    { change: 'update permission-set/ReadOnly', class: 'changed-outside' },
    // The role must follow the new session duration: orgops re-provisions after any update.
    { change: 'provision provision/ReadOnly', class: 'changed-outside' },
    { change: 'delete ou/Workloads/Experiments', class: 'created-outside' },
  ];
}

const DETACHED: readonly (readonly [policy: string, ou: OuPath])[] = [
  ['deny-regions-outside-eu', 'Workloads/Staging'],
  ['deny-regions-outside-eu', 'Workloads/Dev'],
  ['ou-guard-sandbox', 'Sandbox'],
  ['ou-guard-security-audit', 'Security/Audit'],
  ['ou-guard-infrastructure-network', 'Infrastructure/Network'],
  ['ou-guard-workloads-dev-shop', 'Workloads/Dev/Shop'],
];

/**
 * Thirty edits for the crash test: 8 moves, 8 retags, 8 deleted assignments and 6 detached SCPs.
 * Returns the 30 changes (`action address`, sorted) that undo them.
 */
export async function thirtyEdits(c: AwsClients, org: BrownfieldOrg): Promise<string[]> {
  const account = (name: string) => org.accountByName.get(name)!.id;
  const eight = ['01', '02', '03', '04', '05', '06', '07', '08'];
  for (const n of eight) {
    await c.organizations.send(
      new MoveAccountCommand({
        AccountId: account(`sandbox-${n}`),
        SourceParentId: org.ous['Sandbox/Teams'],
        DestinationParentId: org.ous.Sandbox,
      }),
    );
    await c.organizations.send(
      new TagResourceCommand({
        ResourceId: account(`prod-data-${n}`),
        Tags: [{ Key: 'cost-center', Value: 'cc-999' }],
      }),
    );
    await c.ssoAdmin.send(
      new DeleteAccountAssignmentCommand(
        groupAssignment(org, 'Auditors', 'SecurityAudit', `staging-shop-${n}`),
      ),
    );
  }
  for (const [policy, ou] of DETACHED)
    await c.organizations.send(
      new DetachPolicyCommand({ PolicyId: org.policies[policy]!, TargetId: org.ous[ou] }),
    );
  return [
    ...eight.map((n) => `move account/sandbox-${n}@example.com`),
    ...eight.map((n) => `tag account/prod-data-${n}@example.com`),
    ...eight.map((n) => `create assignment/GROUP:Auditors/SecurityAudit/staging-shop-${n}@example.com`),
    ...DETACHED.map(([policy, ou]) => `attach attachment/SERVICE_CONTROL_POLICY/${policy}@/${ou}`),
  ].sort();
}
