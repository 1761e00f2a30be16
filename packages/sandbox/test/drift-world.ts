import type { AsyncStatus, Clock } from '@orgops/live';
import {
  account,
  assign,
  type DesiredState,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationalUnit,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  serviceControlPolicy,
  trustedService,
  user,
} from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import { createSandbox, type SandboxBackend } from '../src/index.ts';
import { doc, INSTANCE, MGMT, ROOT, SCP, STORE } from './helpers.ts';

/** A clock the test moves by hand, so events get the times the test means. */
export class ManualClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += Math.max(0, ms);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const OU_SPEC = [
  { name: 'Security', parent: 'root' },
  { name: 'Workloads', parent: 'root' },
  { name: 'Prod', parent: 'Workloads' },
  { name: 'Dev', parent: 'Workloads' },
  { name: 'Sandbox', parent: 'root' },
] as const;
type OuName = (typeof OU_SPEC)[number]['name'];

const ACCOUNT_SPEC: readonly { name: string; ou: OuName; tags?: Record<string, string> }[] = [
  { name: 'log-archive', ou: 'Security' },
  { name: 'audit', ou: 'Security', tags: { team: 'security' } },
  { name: 'pay-prod', ou: 'Prod', tags: { env: 'prod', team: 'pay' } },
  { name: 'shop-prod', ou: 'Prod', tags: { env: 'prod' } },
  { name: 'pay-dev', ou: 'Dev', tags: { env: 'dev' } },
  { name: 'shop-dev', ou: 'Dev' },
  { name: 'play-1', ou: 'Sandbox' },
  { name: 'play-2', ou: 'Sandbox' },
];

const POLICY_SPEC = [
  { name: 'deny-leave', action: 'organizations:LeaveOrganization', on: 'root' },
  { name: 'deny-s3-delete', action: 's3:DeleteBucket', on: 'Workloads' },
  { name: 'deny-ec2-terminate', action: 'ec2:TerminateInstances', on: 'Prod' },
  { name: 'deny-iam-users', action: 'iam:CreateUser', on: 'Sandbox' },
] as const;

const PS_SPEC = [
  { name: 'ReadOnly', managed: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  { name: 'Developer', managed: 'arn:aws:iam::aws:policy/PowerUserAccess' },
  { name: 'Admin', managed: 'arn:aws:iam::aws:policy/AdministratorAccess' },
] as const;

export interface DriftWorld {
  readonly sb: SandboxBackend;
  readonly clock: ManualClock;
  /** The config the base organization was built from: planning it against the base is empty. */
  readonly desired: DesiredState;
}

async function settle(sb: SandboxBackend, started: AsyncStatus, poll: (id: string) => Promise<AsyncStatus>) {
  let s = started;
  while (s.status === 'IN_PROGRESS') s = await poll(started.requestId);
  if (s.status !== 'SUCCEEDED') throw new Error(`drift world: ${s.failureReason}`);
  void sb;
}

/** Creates an account through the ports and waits for it; returns its id. */
export async function createAccountNow(sb: SandboxBackend, name: string): Promise<string> {
  let status = await sb.organizations.createAccount({ name, email: `aws+${name}@example.com`, tags: {} });
  const id = status.requestId;
  while (status.state === 'IN_PROGRESS') status = await sb.organizations.describeCreateAccountStatus(id);
  if (!status.accountId) throw new Error(`drift world: ${status.failureReason}`);
  return status.accountId;
}

/** Assigns or unassigns through the ports and waits for the request to finish. */
export async function assignNow(
  sb: SandboxBackend,
  action: 'create' | 'delete',
  a: { accountId: string; permissionSetArn: string; principalType: 'GROUP' | 'USER'; principalId: string },
): Promise<void> {
  const sso = sb.ssoAdmin;
  if (action === 'create')
    await settle(sb, await sso.createAccountAssignment(INSTANCE, a), (id) =>
      sso.describeAccountAssignmentCreationStatus(INSTANCE, id),
    );
  else
    await settle(sb, await sso.deleteAccountAssignment(INSTANCE, a), (id) =>
      sso.describeAccountAssignmentDeletionStatus(INSTANCE, id),
    );
}

/**
 * A small organization built through the ports (so its state is exactly what AWS's rules make of
 * those calls), and the config it was built from: five OUs on two levels, eight member accounts,
 * four SCPs, three permission sets and group and user assignments over OU subtrees.
 */
export async function driftWorld(start: number): Promise<DriftWorld> {
  const clock = new ManualClock(start);
  const sb = createSandbox(undefined, { asyncPolls: 1, closeTicks: 1_000_000, clock });
  const org = sb.organizations;
  const ouIds = new Map<string, string>([['root', ROOT]]);
  for (const o of OU_SPEC)
    ouIds.set(
      o.name,
      (await org.createOrganizationalUnit(ouIds.get(o.parent)!, o.name, { owner: 'platform' })).id,
    );
  const accountIds = new Map<string, string>();
  for (const a of ACCOUNT_SPEC) {
    const id = await createAccountNow(sb, a.name);
    accountIds.set(a.name, id);
    await org.moveAccount(id, ROOT, ouIds.get(a.ou)!);
    if (a.tags) await org.tagResource(id, a.tags);
  }
  for (const p of POLICY_SPEC) {
    const created = await org.createPolicy({
      type: SCP,
      name: p.name,
      description: `Denies ${p.action}`,
      content: doc(p.action),
      tags: {},
    });
    await org.attachPolicy(created.id, ouIds.get(p.on)!);
  }
  await org.enableAWSServiceAccess('guardduty.amazonaws.com');

  const sso = sb.ssoAdmin;
  const psArns = new Map<string, string>();
  for (const p of PS_SPEC) {
    const { arn } = await sso.createPermissionSet(INSTANCE, {
      name: p.name,
      sessionDuration: 'PT1H',
      tags: {},
    });
    await sso.attachManagedPolicyToPermissionSet(INSTANCE, arn, p.managed);
    psArns.set(p.name, arn);
  }
  const groupId = async (name: string) => (await sb.identityStore.getGroupId(STORE, name))!;
  const userId = async (name: string) => (await sb.identityStore.getUserId(STORE, name))!;
  const grants: { principal: ['GROUP' | 'USER', string]; ps: string; ous: OuName[] }[] = [
    { principal: ['GROUP', 'developers'], ps: 'Developer', ous: ['Workloads', 'Sandbox'] },
    { principal: ['GROUP', 'security-auditors'], ps: 'ReadOnly', ous: ['Security', 'Workloads', 'Sandbox'] },
    { principal: ['GROUP', 'platform-admins'], ps: 'Admin', ous: ['Security'] },
    { principal: ['USER', 'alice'], ps: 'ReadOnly', ous: ['Sandbox'] },
  ];
  const within = (ou: OuName, top: OuName): boolean =>
    ou === top || OU_SPEC.find((o) => o.name === ou)?.parent === top;
  for (const g of grants) {
    const principalId =
      g.principal[0] === 'GROUP' ? await groupId(g.principal[1]) : await userId(g.principal[1]);
    for (const a of ACCOUNT_SPEC.filter((x) => g.ous.some((top) => within(x.ou, top))))
      await assignNow(sb, 'create', {
        accountId: accountIds.get(a.name)!,
        permissionSetArn: psArns.get(g.ps)!,
        principalType: g.principal[0],
        principalId,
      });
  }

  // The same organization as config.
  const policies = new Map(
    POLICY_SPEC.map((p) => [
      p.name,
      serviceControlPolicy({
        name: p.name,
        description: `Denies ${p.action}`,
        content: JSON.parse(doc(p.action)),
      }),
    ]),
  );
  const onTarget = (target: string) => [
    ...POLICY_SPEC.filter((p) => p.on === target).map((p) => policies.get(p.name)!),
  ];
  const root = organizationRoot({ policies: [FullAWSAccess, ...onTarget('root')] });
  const ous = new Map<string, OrganizationalUnit>();
  for (const o of OU_SPEC) {
    const parent = o.parent === 'root' ? root : ous.get(o.parent)!;
    const attached = onTarget(o.name);
    ous.set(
      o.name,
      organizationalUnit(o.name, {
        parent,
        tags: { owner: 'platform' },
        ...(attached.length ? { policies: [FullAWSAccess, ...attached] } : {}),
      }),
    );
  }
  const permissionSets = new Map<string, ReturnType<typeof permissionSet>>(
    PS_SPEC.map((p) => [p.name, permissionSet({ name: p.name, managedPolicies: [p.managed] })]),
  );
  const config = testOrganization({
    root,
    organizationalUnits: [...ous.values()],
    accounts: [
      managementIn(root),
      ...ACCOUNT_SPEC.map((a) =>
        account({
          name: a.name,
          email: `aws+${a.name}@example.com`,
          parent: ous.get(a.ou)!,
          tags: a.tags ?? {},
        }),
      ),
    ],
    permissionSets: [...permissionSets.values()],
    assignments: grants.map((g) =>
      assign(
        g.principal[0] === 'GROUP' ? group(g.principal[1]) : user(g.principal[1]),
        permissionSets.get(g.ps)!,
        g.ous.map((o) => ous.get(o)!),
      ),
    ),
    trustedServices: [trustedService('sso.amazonaws.com'), trustedService('guardduty.amazonaws.com')],
  });
  void MGMT;
  return { sb, clock, desired: normalize(config) };
}
