import type { Snapshot } from '@orgops/engine';
import { type ReadOptions, readSnapshot } from '@orgops/live';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxBackend, twinState } from '../src/index.ts';
import { createAccount, doc, INSTANCE, RCP, ROOT, rcpDoc, SCP, STORE, sandbox } from './helpers.ts';
import { operation, settled, tolerate } from './twin-random-ops.ts';

const READ: ReadOptions = {
  principals: [
    { type: 'GROUP', name: 'developers' },
    { type: 'GROUP', name: 'read-only' },
    { type: 'USER', name: 'alice' },
    { type: 'GROUP', name: 'nobody-has-this-name' },
  ],
  policyTypes: [SCP, RCP, 'TAG_POLICY'],
};

/**
 * The snapshot without what differs between any two reads: when, from which backend, and the
 * order of assignments (the reader enumerates them per principal or per provisioned pair,
 * whichever is cheaper, and the twin's identity store holds fewer principals than the original).
 */
function comparable(s: Snapshot): Omit<Snapshot, 'source'> {
  const { source: _source, ...rest } = s;
  const ic = rest.identityCenter;
  if (!ic) return rest;
  const key = (a: { accountId: string; permissionSetArn: string; principalId: string }) =>
    `${a.accountId}|${a.permissionSetArn}|${a.principalId}`;
  const assignments = [...ic.assignments].sort((a, b) => key(a).localeCompare(key(b)));
  return { ...rest, identityCenter: { ...ic, assignments } };
}

/** Reads a twin seeded from `snapshot` with the same options. */
async function readTwin(snapshot: Snapshot): Promise<Snapshot> {
  return readSnapshot(createSandbox(twinState(snapshot).state), READ);
}

/**
 * An organization with what a snapshot can hold: nested OUs, tagged accounts, SCPs and RCPs on
 * every kind of target, a tag policy, delegated administration, permission sets current and
 * outdated, assignments to groups and a user, an assignment of a principal deleted from the
 * store, a suspended account and one still closing.
 */
async function richOrganization(): Promise<SandboxBackend> {
  const sb = sandbox({ asyncPolls: 0, closeTicks: 1_000_000 });
  const org = sb.organizations;
  const a = await org.createOrganizationalUnit(ROOT, 'A', { team: 'platform' });
  const b = await org.createOrganizationalUnit(a.id, 'B / with a slash', {});
  const c = await org.createOrganizationalUnit(ROOT, 'C', {});
  const a1 = await createAccount(sb, 'a1');
  const a2 = await createAccount(sb, 'a2');
  const a3 = await createAccount(sb, 'a3');
  const a4 = await createAccount(sb, 'a4');
  await org.moveAccount(a1, ROOT, a.id);
  await org.moveAccount(a2, ROOT, b.id);
  await org.moveAccount(a3, ROOT, c.id);
  await org.tagResource(a1, { env: 'prod', 'cost-center': '' });
  const deny = await org.createPolicy({
    type: SCP,
    name: 'deny-s3',
    description: 'no s3',
    content: doc(),
    tags: { owner: 'sec' },
  });
  await org.attachPolicy(deny.id, a.id);
  await org.attachPolicy(deny.id, a1);
  await org.enablePolicyType(ROOT, RCP);
  const rcp = await org.createPolicy({
    type: RCP,
    name: 'tls',
    description: '',
    content: rcpDoc('sts:*'),
    tags: {},
  });
  await org.attachPolicy(rcp.id, c.id);
  await org.enablePolicyType(ROOT, 'TAG_POLICY');
  const tag = await org.createPolicy({
    type: 'TAG_POLICY',
    name: 'tags',
    description: '',
    content: '{"tags":{}}',
    tags: {},
  });
  await org.attachPolicy(tag.id, ROOT);
  await org.enableAWSServiceAccess('guardduty.amazonaws.com');
  await org.registerDelegatedAdministrator(a3, 'guardduty.amazonaws.com');

  const sso = sb.ssoAdmin;
  const ro = await sso.createPermissionSet(INSTANCE, {
    name: 'ReadOnly',
    sessionDuration: 'PT4H',
    description: 'read',
    tags: { t: '1' },
  });
  await sso.attachManagedPolicyToPermissionSet(INSTANCE, ro.arn, 'arn:aws:iam::aws:policy/ReadOnlyAccess');
  const admin = await sso.createPermissionSet(INSTANCE, {
    name: 'Admin',
    sessionDuration: 'PT1H',
    relayState: 'https://console.aws.amazon.com/',
    tags: {},
  });
  await sso.putInlinePolicyToPermissionSet(
    INSTANCE,
    admin.arn,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    }),
  );
  await sso.putPermissionsBoundaryToPermissionSet(INSTANCE, admin.arn, {
    customerManagedPolicy: { name: 'boundary', path: '/' },
  });
  await sso.attachCustomerManagedPolicyReferenceToPermissionSet(INSTANCE, admin.arn, {
    name: 'extra',
    path: '/team/',
  });
  const groups = await sb.identityStore.listGroups(STORE);
  const users = await sb.identityStore.listUsers(STORE);
  const id = (name: string) => [...groups, ...users].find((p) => p.name === name)?.id ?? '';
  const assign = (account: string, arn: string, principalType: 'GROUP' | 'USER', name: string) =>
    settled(
      sb,
      sso.createAccountAssignment(INSTANCE, {
        accountId: account,
        permissionSetArn: arn,
        principalType,
        principalId: id(name),
      }),
      'create',
    );
  await assign(a1, ro.arn, 'GROUP', 'developers');
  await assign(a2, ro.arn, 'GROUP', 'developers');
  await assign(a3, admin.arn, 'USER', 'alice');
  await assign(a2, admin.arn, 'GROUP', 'finops');
  // Admin changes after provisioning: its accounts run an older version until re-provisioned.
  await sso.putInlinePolicyToPermissionSet(
    INSTANCE,
    admin.arn,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
    }),
  );
  await settled(sb, sso.provisionPermissionSet(INSTANCE, admin.arn, a3), 'provision');

  // finops is deleted from the identity store; AWS keeps its assignment.
  const state = sb.exportState();
  if (state.identityCenter)
    state.identityCenter.groups = state.identityCenter.groups.filter((g) => g.name !== 'finops');
  sb.importState(state);

  await org.closeAccount(a4);
  const suspended = sb.exportState();
  const closing = suspended.accounts.find((x) => x.id === a4);
  if (closing) {
    closing.state = 'SUSPENDED';
    delete closing.suspendAtTick;
  }
  sb.importState(suspended);
  await org.closeAccount(a3);
  return sb;
}

describe('a twin seeded from a snapshot', () => {
  it('reads back as the snapshot it was seeded from, ids included', async () => {
    const sb = await richOrganization();
    const snapshot = await readSnapshot(sb, READ);
    expect(snapshot.accounts.map((a) => a.state)).toEqual(
      expect.arrayContaining(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']),
    );
    expect(snapshot.identityCenter?.permissionSets.find((p) => p.name === 'Admin')?.outdatedIn).toHaveLength(
      1,
    );
    expect(snapshot.identityCenter?.assignments).toHaveLength(4);
    expect(comparable(await readTwin(snapshot))).toEqual(comparable(snapshot));
  });

  it('never gives a new OU, policy, account or permission set an id the organization already uses', async () => {
    const sb = await richOrganization();
    const snapshot = await readSnapshot(sb, READ);
    const twin = createSandbox(twinState(snapshot).state, { asyncPolls: 0 });
    const ou = await twin.organizations.createOrganizationalUnit(ROOT, 'New', {});
    const policy = await twin.organizations.createPolicy({
      type: SCP,
      name: 'new',
      description: '',
      content: doc('ec2:*'),
      tags: {},
    });
    const state = twin.exportState();
    state.quotas.maxAccounts = 100;
    twin.importState(state);
    const account = await createAccount(twin, 'new');
    const ps = await twin.ssoAdmin.createPermissionSet(INSTANCE, {
      name: 'New',
      sessionDuration: 'PT1H',
      tags: {},
    });
    expect(snapshot.ous.map((o) => o.id)).not.toContain(ou.id);
    expect(snapshot.policies.map((p) => p.id)).not.toContain(policy.id);
    expect(snapshot.accounts.map((a) => a.id)).not.toContain(account);
    expect(snapshot.identityCenter?.permissionSets.map((p) => p.arn)).not.toContain(ps.arn);
  });

  it('knows only the identity-store principals the snapshot names', async () => {
    const snapshot = await readSnapshot(await richOrganization(), READ);
    const ic = twinState(snapshot).state.identityCenter;
    expect(ic?.groups.map((g) => g.name).sort()).toEqual(['developers', 'read-only']);
    expect(ic?.users.map((u) => u.name)).toEqual(['alice']);
  });

  it('assumes the stricter case where the snapshot is silent, and says so', async () => {
    const snapshot = await readSnapshot(await richOrganization(), READ);
    const seed = twinState(snapshot);
    // The quota was read (the sandbox serves it): no assumption about it.
    expect(snapshot.quotas?.maxAccounts).toBe(10);
    expect(seed.state.quotas.maxAccounts).toBe(10);
    // Suspended and closing accounts all count against the 30-day closure quota.
    expect(seed.state.closedAccounts).toBe(2);
    expect(seed.assumptions.map((a) => a.text)).toEqual([
      expect.stringContaining('2 account(s) are suspended or closing'),
    ]);

    // Not read, or unreadable: no room beyond AWS's default or the accounts held, said so.
    const { quotas: _quotas, ...unread } = snapshot;
    const notRead = twinState(unread);
    expect(notRead.state.quotas.maxAccounts).toBe(10);
    expect(notRead.assumptions[0]?.text).toBe(
      "The account quota was not read; the twin assumed 10, AWS's default (the organization holds 5). Give the real quota with --account-quota.",
    );
    const many = {
      ...unread,
      accounts: [
        ...unread.accounts,
        ...Array.from({ length: 8 }, (_, i) => ({ ...unread.accounts[0]!, id: `9${i}`.padStart(12, '0') })),
      ],
    };
    expect(twinState(many).assumptions[0]?.text).toMatch(
      /assumed 13, the accounts the organization holds: no room for another/,
    );
    const unreadable = twinState({
      ...unread,
      quotas: { maxAccountsUnreadable: 'service-quotas:GetServiceQuota failed with AccessDeniedException' },
    });
    expect(unreadable.assumptions[0]?.text).toMatch(
      /^The account quota could not be read \(service-quotas:GetServiceQuota failed with AccessDeniedException\)/,
    );

    // What the user says wins over what was read.
    const told = twinState(snapshot, { maxAccounts: 500 });
    expect(told.state.quotas.maxAccounts).toBe(500);
    expect(told.assumptions[0]?.text).toMatch(/^The account quota is 500, as given with --account-quota/);

    const pending = {
      ...snapshot,
      root: {
        ...snapshot.root,
        policyTypes: [
          ...snapshot.root.policyTypes,
          { type: 'BACKUP_POLICY', status: 'PENDING_ENABLE' as const },
        ],
      },
    };
    expect(twinState(pending).state.root.enabledPolicyTypes).toContain('BACKUP_POLICY');
  });

  it('refuses an organization without all features', async () => {
    const snapshot = await readSnapshot(sandbox(), READ);
    const billing = {
      ...snapshot,
      organization: { ...snapshot.organization, featureSet: 'CONSOLIDATED_BILLING' },
    };
    expect(() => twinState(billing)).toThrow(/all features/);
  });

  it('reads back as the snapshot for organizations built by random sequences of calls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 15, maxLength: 60 }), async (ops) => {
        const sb = sandbox({ asyncPolls: 0, closeTicks: 1_000_000 });
        const state = sb.exportState();
        state.quotas.maxAccounts = 50;
        sb.importState(state);
        for (const op of ops) await tolerate(() => op(sb));
        const snapshot = await readSnapshot(sb, READ);
        expect(comparable(await readTwin(snapshot))).toEqual(comparable(snapshot));
      }),
      { numRuns: 25 },
    );
  });
});
