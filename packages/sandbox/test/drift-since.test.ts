import { configReadOptions, type DriftRead, readForDrift, readFull, ServiceError } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.ts';
import { driftWorld } from './drift-world.ts';
import { doc, INSTANCE, ROOT, SCP } from './helpers.ts';

const START = Date.parse('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function setUp() {
  const world = await driftWorld(START);
  const options = configReadOptions(world.desired);
  world.clock.advance(HOUR);
  const baseline = JSON.parse(JSON.stringify(await readFull(world.sb, { ...options, clock: world.clock })));
  world.clock.advance(HOUR);
  return { ...world, options, baseline };
}

const reason = (r: DriftRead) => (r.mode === 'full' ? r.reason : `incremental: ${r.reread}`);

describe('drift --since falls back to a full read, and says why', () => {
  it('without a baseline, and with one that is not a baseline', async () => {
    const { sb, options, clock, baseline } = await setUp();
    expect(reason(await readForDrift(sb, undefined, { ...options, clock }))).toBe(
      'there is no earlier full read to continue from',
    );
    expect(reason(await readForDrift(sb, { ...baseline, recordVersion: 2 }, { ...options, clock }))).toBe(
      'the baseline is not one orgops can continue from: its recordVersion is 2, not 1',
    );
    expect(
      reason(
        await readForDrift(sb, { ...baseline, snapshot: { ...baseline.snapshot, ous: 'x' } }, { clock }),
      ),
    ).toMatch(/no ous list/);
    const full = await readForDrift(sb, undefined, { ...options, clock });
    // A full read is the next baseline.
    expect(full.mode === 'full' && full.record.readStartedAt).toBe(new Date(clock.now()).toISOString());
  });

  it('when --since is later than the baseline, in the future, or beyond the 90-day history', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const later = new Date(Date.parse(baseline.readStartedAt) + 1);
    expect(reason(await readForDrift(sb, baseline, { ...options, clock, since: later }))).toMatch(
      /is later than the last full read .*: writes between them would be missed/,
    );
    // A baseline saved by a machine whose clock ran ahead.
    const ahead = { ...baseline, readStartedAt: new Date(clock.now() + DAY).toISOString() };
    expect(reason(await readForDrift(sb, ahead, { ...options, clock }))).toMatch(/ is in the future$/);
    clock.advance(91 * DAY);
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toMatch(
      /is beyond CloudTrail's 90-day event history/,
    );
  });

  it('when the baseline is of another organization, or an account left', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const other = structuredClone(baseline);
    other.snapshot.organization.id = 'o-someoneelse';
    expect(reason(await readForDrift(sb, other, { ...options, clock }))).toBe(
      'the baseline is of organization o-someoneelse, not o-sandbox00001',
    );
    const state = sb.exportState();
    const gone = state.accounts.pop()!;
    sb.importState(state);
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toBe(
      `account ${gone.id} is no longer in the organization`,
    );
  });

  it('when an event cannot be scoped: unknown to orgops, or without what it changed', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const state = sb.exportState();
    const at = new Date(clock.now() - 60_000).toISOString();
    state.events!.push({
      id: 'e-leave',
      time: at,
      source: 'organizations.amazonaws.com',
      name: 'RemoveAccountFromOrganization',
      request: { accountId: '100000000001' },
    });
    sb.importState(state);
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toBe(
      `CloudTrail shows organizations.amazonaws.com RemoveAccountFromOrganization at ${at}, which orgops cannot scope`,
    );
    state.events!.pop();
    state.events!.push({
      id: 'e-attach',
      time: at,
      source: 'organizations.amazonaws.com',
      name: 'AttachPolicy',
      request: {},
    });
    sb.importState(state);
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toBe(
      `CloudTrail's AttachPolicy event e-attach at ${at} cannot be scoped: it has no policyId`,
    );
    // Other services' events, and the identity store's, are not orgops's concern.
    state.events!.pop();
    state.events!.push({
      id: 'e-s3',
      time: at,
      source: 's3.amazonaws.com',
      name: 'PutBucketPolicy',
      request: {},
    });
    state.events!.push({
      id: 'e-group',
      time: at,
      source: 'identitystore.amazonaws.com',
      name: 'UpdateGroup',
      request: {},
    });
    sb.importState(state);
    expect((await readForDrift(sb, baseline, { ...options, clock })).mode).toBe('incremental');
  });

  it('when Identity Center is administered from another account too', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const member = baseline.snapshot.accounts.find((a: { id: string }) => a.id !== '100000000000').id;
    await sb.organizations.registerDelegatedAdministrator(member, 'sso.amazonaws.com');
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toBe(
      `Identity Center is administered from account ${member} too, whose changes are recorded in that account's CloudTrail, not this one's`,
    );
  });

  it('when the event history cannot be read', async () => {
    const world = await setUp();
    const { options, clock, baseline } = world;
    const denied = new ServiceError(
      'cloudtrail',
      'LookupEvents',
      'AccessDeniedException',
      'not authorized to perform cloudtrail:LookupEvents',
    );
    // The same organization, where LookupEvents is denied.
    const sb = createSandbox(world.sb.exportState(), {
      clock,
      failOn: (op) => (op === 'cloudtrail:LookupEvents' ? denied : undefined),
    });
    expect(reason(await readForDrift(sb, baseline, { ...options, clock }))).toBe(
      "CloudTrail's event history could not be read (AccessDeniedException: cloudtrail:LookupEvents: AccessDeniedException: not authorized to perform cloudtrail:LookupEvents)",
    );
  });

  it('when the backend has no event history', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const { cloudTrail: _none, ...withoutTrail } = sb;
    expect(reason(await readForDrift(withoutTrail, baseline, { ...options, clock }))).toBe(
      'the sandbox backend has no CloudTrail event history',
    );
  });
});

/**
 * The calls every incremental check makes, whatever the events: what AWS changes without an event
 * is read afresh.
 */
const ALWAYS_READ = {
  'cloudtrail:LookupEvents': 1,
  'organizations:DescribeOrganization': 1,
  'organizations:ListRoots': 1,
  'organizations:ListAWSServiceAccessForOrganization': 1,
  'organizations:ListDelegatedAdministrators': 1,
  'organizations:ListAccounts': 1,
  'sso-admin:ListInstances': 1,
  // The account quota: raised in Service Quotas, with no Organizations event.
  'service-quotas:GetServiceQuota': 1,
  // Users and groups: their changes come from identity sources, whose events may not arrive.
  'identitystore:ListGroups': 1,
  'identitystore:ListUsers': 1,
};

describe('drift --since reads only what the events name', () => {
  it('pins the calls of a check with no events: what AWS changes without one, read afresh', async () => {
    const { sb, options, clock, baseline } = await setUp();
    sb.resetStats();
    const read = await readForDrift(sb, baseline, { ...options, clock });
    expect(read).toMatchObject({ mode: 'incremental', events: 0, since: baseline.readStartedAt });
    expect(sb.stats().calls).toEqual(ALWAYS_READ);
  });

  it('pins the calls of a check after four edits', async () => {
    const { sb, options, clock, baseline } = await setUp();
    const s = sb.exportState();
    const prod = s.ous.find((o) => o.name === 'Prod')!;
    const account = s.accounts.find((a) => a.parentId === prod.id)!;
    const policy = s.policies.find((p) => p.name === 'deny-s3-delete')!;
    const ps = s.identityCenter!.permissionSets[0]!;
    await sb.organizations.tagResource(account.id, { edited: 'yes' });
    await sb.organizations.moveAccount(account.id, prod.id, ROOT);
    await sb.organizations.updatePolicy({ policyId: policy.id, content: doc('s3:PutBucketPolicy') });
    await sb.ssoAdmin.updatePermissionSet(INSTANCE, { arn: ps.arn, sessionDuration: 'PT4H' });
    clock.advance(HOUR);
    sb.resetStats();
    const read = await readForDrift(sb, baseline, { ...options, clock });
    expect(read).toMatchObject({ mode: 'incremental', events: 4 });
    expect(read.mode === 'incremental' && read.reread).toBe(
      '2 parent(s) listed, 1 OU/account tag set(s), 1 policy, 1 permission set(s), 0 assignment pair(s)',
    );
    expect(sb.stats().calls).toEqual({
      ...ALWAYS_READ,
      // MoveAccount: its source and destination parents.
      'organizations:ListOrganizationalUnitsForParent': 2,
      'organizations:ListAccountsForParent': 2,
      // TagResource
      'organizations:ListTagsForResource': 1,
      // UpdatePolicy
      'organizations:DescribePolicy': 1,
      // UpdatePermissionSet: the set read whole (7 reads and the outdated filter).
      'sso-admin:DescribePermissionSet': 1,
      'sso-admin:GetInlinePolicyForPermissionSet': 1,
      'sso-admin:ListManagedPoliciesInPermissionSet': 1,
      'sso-admin:ListCustomerManagedPolicyReferencesInPermissionSet': 1,
      'sso-admin:GetPermissionsBoundaryForPermissionSet': 1,
      'sso-admin:ListTagsForResource': 1,
      'sso-admin:ListAccountsForProvisionedPermissionSet': 2,
    });
    void SCP;
  });
});
