import {
  account,
  assign,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  serviceControlPolicy,
  trustedService,
  user,
} from '@orgops/model';
import {
  denyDocument,
  denyLeavePolicy,
  managementIn,
  READ_ONLY_ACCESS,
  readOnlyPermissionSet,
  testOrganization,
} from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import type { Plan } from '../plan.ts';
import { staleAddresses } from '../plan-file/freshness.ts';
import type { Snapshot } from '../snapshot.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { plan } from './index.ts';

const LEAVE = 'organizations:LeaveOrganization';
const denyLeave = denyLeavePolicy();

function org(overrides: Partial<Omit<OrganizationConfig, 'kind'>> = {}): OrganizationConfig {
  const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
  const workloads = organizationalUnit('Workloads', { parent: root });
  const prod = organizationalUnit('Prod', { parent: workloads });
  const app = account({ name: 'app-prod', email: 'app-prod@example.com', parent: prod });
  const readOnly = readOnlyPermissionSet();
  return testOrganization({
    root,
    organizationalUnits: [workloads, prod],
    accounts: [managementIn(root), app],
    permissionSets: [readOnly],
    assignments: [assign(group('developers'), readOnly, [workloads])],
    trustedServices: [trustedService('sso.amazonaws.com')],
    ...overrides,
  });
}

/**
 * {@link org} as deployed: the snapshot's ReadOnly gets `readOnly(appId)`, and deny-leave holds
 * `denyLeaveContent` (the same document by default).
 */
function deployedOrg(
  readOnly: (app: string) => Parameters<SnapshotBuilder['permissionSet']>[1] = () => ({
    managedPolicies: [READ_ONLY_ACCESS],
  }),
  denyLeaveContent: unknown = denyDocument(LEAVE),
): Snapshot {
  const s = new SnapshotBuilder();
  const workloads = s.ou('Workloads');
  const app = s.account('app-prod', 'app-prod@example.com', s.ou('Prod', workloads));
  s.policy('SERVICE_CONTROL_POLICY', 'deny-leave', denyLeaveContent, ['r-test']);
  s.assignment(s.permissionSet('ReadOnly', readOnly(app)), app, 'g-developers');
  return s.build();
}

function planOf(config: OrganizationConfig, snapshot = new SnapshotBuilder().build()): Plan {
  const result = plan({ desired: normalize(config), snapshot, toolVersion: '0.1.0', now: new Date(0) });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

const summary = (c: Change): string => `${c.action} ${c.address}`;

/** The changes of one phase, summarized; a phase the plan lacks fails the test. */
const inPhase = (p: Plan, phase: string): string[] => {
  const found = p.phases.find((ph) => ph.name === phase);
  if (!found) throw new Error(`no ${phase} phase in ${p.phases.map((ph) => ph.name).join(', ')}`);
  return found.changes.map(summary);
};

describe('plan', () => {
  it('creates a whole organization in dependency order, without re-attaching what AWS attaches itself', () => {
    const p = planOf(org());
    expect(p.phases.map((ph) => [ph.name, ph.changes.map(summary)])).toEqual([
      ['create-ous', ['create ou/Workloads', 'create ou/Workloads/Prod']],
      ['write-policies', ['create policy/SERVICE_CONTROL_POLICY/deny-leave']],
      ['attachments', ['attach attachment/SERVICE_CONTROL_POLICY/deny-leave@/']],
      ['create-accounts', ['create account/app-prod@example.com']],
      ['write-permission-sets', ['create permission-set/ReadOnly']],
      ['create-assignments', ['create assignment/GROUP:developers/ReadOnly/app-prod@example.com']],
    ]);
    expect(p.target).toMatchObject({ backend: 'sandbox', organizationId: 'o-test000001' });
    expect(p.summary).toEqual({ total: 7, byAction: { create: 6, attach: 1 } });
  });

  it('reports no changes when the organization matches', () => {
    // The live document's keys in another order: the same policy.
    const live = { Statement: [{ Resource: '*', Action: LEAVE, Effect: 'Deny' }], Version: '2012-10-17' };
    const p = planOf(org(), deployedOrg(undefined, live));
    expect(p.phases.flatMap((ph) => ph.changes.map(summary))).toEqual([]);
  });

  it('refuses to plan when an account is missing from config, instead of closing it', () => {
    const s = new SnapshotBuilder();
    s.account('forgotten', 'forgotten@example.com');
    const result = plan({ desired: normalize(org()), snapshot: s.build(), toolVersion: '0.1.0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toContain('account-not-in-config');
    expect(result.errors[0]!.fix).toMatch(/close: \{ reason \}/);
  });

  it('closes an account only with explicit intent', () => {
    const s = new SnapshotBuilder();
    s.account('old', 'old@example.com');
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const config = org({
      root,
      organizationalUnits: [],
      assignments: [],
      accounts: [
        account({ name: 'old', email: 'old@example.com', parent: root, close: { reason: 'project ended' } }),
      ],
    });
    const changes = planOf(config, s.build()).phases.flatMap((ph) => ph.changes);
    expect(changes.filter((c) => c.kind === 'account-close').map(summary)).toEqual([
      'close account/old@example.com',
    ]);
  });

  it('fails on an unknown principal, pointing at the assignment', () => {
    const ps = permissionSet({ name: 'ReadOnly' });
    const config = org({
      permissionSets: [ps],
      assignments: [assign(group('devlopers'), ps, [organizationRoot()])],
    });
    const result = plan({
      desired: normalize(config),
      snapshot: new SnapshotBuilder().build(),
      toolVersion: '0.1.0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const err = result.errors.find((e) => e.code === 'unknown-principal')!;
    expect(err.message).toContain("'devlopers'");
    expect(err.site?.file).toMatch(/planner\.test\.ts$/);
  });

  it('attaches the new SCP before detaching the old one on a target', () => {
    const s = new SnapshotBuilder();
    const old = s.policy(
      'SERVICE_CONTROL_POLICY',
      'old-guardrail',
      { Version: '2012-10-17', Statement: [] },
      ['r-test'],
    );
    s.detach('p-FullAWSAccess', 'r-test');
    void old;
    const root = organizationRoot({ policies: [denyLeave] });
    const config = org({ root, organizationalUnits: [], accounts: [], assignments: [], defaultPolicies: {} });
    const attachments = inPhase(planOf(config, s.build()), 'attachments');
    expect(attachments).toEqual([
      'attach attachment/SERVICE_CONTROL_POLICY/deny-leave@/',
      'detach attachment/SERVICE_CONTROL_POLICY/old-guardrail@/',
    ]);
  });

  it('detaches first when the target is at the SCP cap', () => {
    const s = new SnapshotBuilder();
    const names = Array.from({ length: 9 }, (_, i) => `g${i}`);
    for (const n of names)
      s.policy('SERVICE_CONTROL_POLICY', n, { Version: '2012-10-17', Statement: [] }, ['r-test']);
    const keep = names
      .slice(0, 8)
      .map((n) => serviceControlPolicy({ name: n, content: { Version: '2012-10-17', Statement: [] } }));
    const root = organizationRoot({ policies: [FullAWSAccess, ...keep, denyLeave] });
    const config = org({ root, organizationalUnits: [], accounts: [], assignments: [] });
    const attachments = inPhase(planOf(config, s.build()), 'attachments');
    // 10 attached now (FullAWSAccess + g0..g8); wanted 10: FullAWSAccess + g0..g7 + deny-leave.
    expect(attachments).toEqual([
      'detach attachment/SERVICE_CONTROL_POLICY/g8@/',
      'attach attachment/SERVICE_CONTROL_POLICY/deny-leave@/',
    ]);
  });

  it('re-provisions a permission set after an update, and one left outdated outside orgops', () => {
    const fourHours = deployedOrg(() => ({ managedPolicies: [READ_ONLY_ACCESS], sessionDuration: 'PT4H' }));
    const changes = planOf(org(), fourHours).phases.flatMap((ph) => ph.changes);
    expect(changes.map(summary)).toEqual(['update permission-set/ReadOnly', 'provision provision/ReadOnly']);
    const update = changes[0] as Extract<Change, { kind: 'permission-set-update' }>;
    expect(update.before).toEqual({ sessionDuration: 'PT4H' });
    expect(update.after).toEqual({ sessionDuration: 'PT1H' });

    const outdated = deployedOrg((app) => ({ managedPolicies: [READ_ONLY_ACCESS], outdatedIn: [app] }));
    const drift = planOf(org(), outdated).phases.flatMap((ph) => ph.changes);
    expect(drift.map((c) => [summary(c), c.reason])).toEqual([
      ['provision provision/ReadOnly', 'accounts run an outdated version (changed outside orgops)'],
    ]);
  });

  it('renames an OU in place with renamedFrom, and hints when it is missing', () => {
    const s = new SnapshotBuilder();
    s.ou('Apps');
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const renamed = organizationalUnit('Workloads', { parent: root, renamedFrom: 'Apps' });
    const config = org({
      root,
      organizationalUnits: [renamed],
      accounts: [],
      assignments: [],
      permissionSets: [],
    });
    expect(planOf(config, s.build()).phases.flatMap((ph) => ph.changes.map(summary))).toEqual([
      'update ou/Apps',
    ]);

    const plain = org({
      root,
      organizationalUnits: [organizationalUnit('Workloads', { parent: root })],
      accounts: [],
      assignments: [],
      permissionSets: [],
    });
    const changes = planOf(plain, s.build()).phases.flatMap((ph) => ph.changes);
    expect(changes.map(summary)).toEqual(['create ou/Workloads', 'delete ou/Apps']);
    expect(changes[1]!.hint).toContain("renamedFrom: 'Apps'");
  });

  it('never disables trusted access without explicit intent', () => {
    const s = new SnapshotBuilder().trustedService('guardduty.amazonaws.com');
    const config = org({
      organizationalUnits: [],
      accounts: [],
      assignments: [],
      permissionSets: [],
      root: organizationRoot({ policies: [FullAWSAccess] }),
    });
    const result = plan({ desired: normalize(config), snapshot: s.build(), toolVersion: '0.1.0' });
    expect(result.ok && result.value.phases.flatMap((p) => p.changes)).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['trusted-service-not-in-config']);

    const intent = org({ ...config, disable: { trustedServices: ['guardduty.amazonaws.com'] } });
    expect(planOf(intent, s.build()).phases.flatMap((p) => p.changes.map(summary))).toEqual([
      'disable trusted-service/guardduty.amazonaws.com',
    ]);
  });

  it('moves accounts out before deleting their OU, and deletes assignments before the permission set', () => {
    const s = new SnapshotBuilder();
    const old = s.ou('Old');
    const app = s.account('app-prod', 'app-prod@example.com', old);
    const ps = s.permissionSet('Legacy');
    s.assignment(ps, app, 'g-developers');
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const config = org({
      root,
      organizationalUnits: [],
      accounts: [account({ name: 'app-prod', email: 'app-prod@example.com', parent: root })],
      permissionSets: [],
      assignments: [],
    });
    const names = planOf(config, s.build()).phases.map((p) => [p.name, p.changes.map(summary)]);
    expect(names).toEqual([
      ['place-accounts', ['move account/app-prod@example.com']],
      ['delete-assignments', ['delete assignment/GROUP:developers/Legacy/app-prod@example.com']],
      ['delete-permission-sets', ['delete permission-set/Legacy']],
      ['delete-ous', ['delete ou/Old']],
    ]);
  });

  it('expands OU and tag targets, and user assignments resolve by user name', () => {
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const a = account({ name: 'a', email: 'a@example.com', parent: root, tags: { team: 'pay' } });
    const b = account({ name: 'b', email: 'b@example.com', parent: root });
    const ps = permissionSet({ name: 'Dev' });
    const config = org({
      root,
      organizationalUnits: [],
      accounts: [a, b],
      permissionSets: [ps],
      assignments: [assign(user('alice'), ps, [{ kind: 'tag', key: 'team', value: 'pay' }])],
    });
    const creates = inPhase(planOf(config), 'create-assignments');
    expect(creates).toEqual(['create assignment/USER:alice/Dev/a@example.com']);
  });

  it('records a digest per touched object so apply can refuse a stale plan', () => {
    const s = new SnapshotBuilder();
    const snapshot = s.build();
    const p = planOf(org(), snapshot);
    expect(staleAddresses(p, snapshot)).toEqual([]);
    s.ou('Workloads');
    const changed = staleAddresses(p, s.build());
    expect(changed.map((c) => c.address)).toEqual(['ou/Workloads']);
  });
});

describe('account closure quota', () => {
  it('refuses to plan more closures than AWS allows in 30 days', () => {
    const s = new SnapshotBuilder();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const accounts = Array.from({ length: 260 }, (_, i) => {
      s.account(`a${i}`, `a${i}@example.com`);
      return account({
        name: `a${i}`,
        email: `a${i}@example.com`,
        parent: root,
        close: { reason: 'decommission' },
      });
    });
    const config = org({ root, organizationalUnits: [], accounts, assignments: [], permissionSets: [] });
    const result = plan({ desired: normalize(config), snapshot: s.build(), toolVersion: '0.1.0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const err = result.errors.find((e) => e.code === 'account-closure-quota')!;
    expect(err.message).toContain('closes 260 accounts; AWS allows 250 closures');
  });
});

describe('rename hints', () => {
  it('explains that a permission set with a new name replaces the old one', () => {
    const s = new SnapshotBuilder();
    s.permissionSet('ReadOnlyOld', { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const config = org({
      organizationalUnits: [],
      accounts: [],
      assignments: [],
      root: organizationRoot({ policies: [FullAWSAccess] }),
    });
    const changes = planOf(config, s.build()).phases.flatMap((p) => p.changes);
    const del = changes.find((c) => c.kind === 'permission-set-delete')!;
    expect(del.hint).toContain(
      'AWS cannot rename a permission set, so this replaces ReadOnlyOld with ReadOnly',
    );
  });
});
