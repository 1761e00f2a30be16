import {
  account,
  assign,
  type Diagnostic,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationConfig,
  type OrganizationOptions,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  serviceControlPolicy,
  trustedService,
} from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { plan } from './index.ts';

const scp = (name: string) =>
  serviceControlPolicy({
    name,
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: `${name}:*`, Resource: '*' }] },
  });
const EMPTY_SCP = { Version: '2012-10-17', Statement: [] };

const root = organizationRoot({ policies: [FullAWSAccess] });
const mgmt = managementIn(root);

function config(options: Partial<OrganizationOptions>): OrganizationConfig {
  return testOrganization({ root, organizationalUnits: [], accounts: [mgmt], ...options });
}

function run(c: OrganizationConfig, s: SnapshotBuilder) {
  return plan({ desired: normalize(c), snapshot: s.build(), toolVersion: '0.1.0', now: new Date(0) });
}

function errorsOf(c: OrganizationConfig, s: SnapshotBuilder): readonly Diagnostic[] {
  const result = run(c, s);
  if (result.ok)
    throw new Error(`expected the plan to be refused; it has ${result.value.summary.total} changes`);
  return result.errors;
}

function planOf(c: OrganizationConfig, s: SnapshotBuilder): Plan {
  const result = run(c, s);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return result.value;
}

const changes = (p: Plan) => p.phases.flatMap((ph) => ph.changes.map((c) => `${c.action} ${c.address}`));

describe('issue 13 item 1: ignored attachments occupy the same 10 SCP slots', () => {
  it('refuses, naming the target, the ignored policies and what does not fit', () => {
    const s = new SnapshotBuilder();
    const prod = s.ou('Prod');
    s.policy('SERVICE_CONTROL_POLICY', 'aws-guardrails-abc', EMPTY_SCP, [prod]);
    s.policy('SERVICE_CONTROL_POLICY', 'aws-guardrails-def', EMPTY_SCP, [prod]);
    const nine = Array.from({ length: 9 }, (_, i) => scp(`g${i}`));
    const ou = organizationalUnit('Prod', { parent: root, policies: [FullAWSAccess, ...nine] });
    const errors = errorsOf(
      config({ organizationalUnits: [ou], ignore: { policies: ['aws-guardrails-*'] } }),
      s,
    );
    const err = errors.find((e) => e.code === 'policy-attachments-over-limit')!;
    expect(err.message).toContain('/Prod');
    expect(err.message).toContain('aws-guardrails-abc, aws-guardrails-def');
    expect(err.message).toMatch(/12 .*10/);
    expect(err.path).toBe('organizationalUnits[/Prod].policies');
    expect(err.site?.file).toMatch(/refusals\.test\.ts$/);
  });
});

describe('issue 13 item 7: an account matched by id must have the config email', () => {
  it('refuses when the root email was changed outside orgops', () => {
    const s = new SnapshotBuilder();
    const id = s.account('vendor', 'attacker@evil.example');
    const c = config({
      accounts: [mgmt, account({ name: 'vendor', email: 'vendor@example.com', id, parent: root })],
    });
    const err = errorsOf(c, s).find((e) => e.code === 'account-email-differs')!;
    expect(err.message).toContain('attacker@evil.example');
    expect(err.message).toContain('vendor@example.com');
    expect(err.site?.file).toMatch(/refusals\.test\.ts$/);
  });

  it('points at the config account an email change made unrecognisable', () => {
    const s = new SnapshotBuilder();
    s.account('vendor', 'attacker@evil.example');
    const c = config({
      accounts: [mgmt, account({ name: 'vendor', email: 'vendor@example.com', parent: root })],
    });
    const err = errorsOf(c, s).find((e) => e.code === 'account-not-in-config')!;
    expect(err.message).toContain('its root email was changed outside orgops');
  });

  it('refuses two config entries that bind one live account', () => {
    const s = new SnapshotBuilder();
    const id = s.account('vendor', 'attacker@evil.example');
    const c = config({
      accounts: [
        mgmt,
        account({ name: 'vendor', email: 'vendor@example.com', id, parent: root }),
        account({ name: 'vendor2', email: 'attacker@evil.example', parent: root }),
      ],
    });
    const codes = errorsOf(c, s).map((e) => e.code);
    expect(codes).toContain('account-matched-twice');
  });
});

describe('issue 13 item 8: deletions the snapshot already shows AWS would refuse', () => {
  it('a policy still attached to an ignored OU', () => {
    const s = new SnapshotBuilder();
    const ct = s.ou('Control Tower');
    s.policy('SERVICE_CONTROL_POLICY', 'deny-old', EMPTY_SCP, ['r-test', ct]);
    const err = errorsOf(config({ ignore: { organizationalUnits: ['/Control Tower'] } }), s).find(
      (e) => e.code === 'policy-delete-still-attached',
    )!;
    expect(err.message).toContain('deny-old');
    expect(err.message).toContain('/Control Tower');
    expect(err.message).not.toContain('the root');
  });

  it('a policy still attached to a suspended account', () => {
    const s = new SnapshotBuilder();
    const gone = s.account('gone', 'gone@example.com', 'r-test', { state: 'SUSPENDED' });
    s.policy('SERVICE_CONTROL_POLICY', 'deny-old', EMPTY_SCP, [gone]);
    const c = config({
      accounts: [
        mgmt,
        account({ name: 'gone', email: 'gone@example.com', parent: root, close: { reason: 'x' } }),
      ],
    });
    const err = errorsOf(c, s).find((e) => e.code === 'policy-delete-still-attached')!;
    expect(err.message).toContain('gone');
    expect(err.message).toContain('SUSPENDED');
  });

  it('an OU that still holds an ignored child OU or a closed account', () => {
    const s = new SnapshotBuilder();
    const old = s.ou('Old');
    s.ou('Vendor', old);
    s.account('gone', 'gone@example.com', old, { state: 'SUSPENDED' });
    const c = config({
      accounts: [
        mgmt,
        account({ name: 'gone', email: 'gone@example.com', parent: root, close: { reason: 'x' } }),
      ],
      ignore: { organizationalUnits: ['/Old/Vendor'] },
    });
    const err = errorsOf(c, s).find((e) => e.code === 'ou-delete-not-empty')!;
    expect(err.message).toContain('/Old');
    expect(err.message).toContain('/Old/Vendor');
    expect(err.message).toContain('gone');
  });

  it('a permission set still assigned in an ignored account', () => {
    const s = new SnapshotBuilder();
    const vendor = s.account('vendor', 'vendor@example.com');
    const ps = s.permissionSet('Legacy');
    s.assignment(ps, vendor, 'g-developers');
    const err = errorsOf(config({ ignore: { accounts: ['vendor@example.com'] } }), s).find(
      (e) => e.code === 'permission-set-delete-still-assigned',
    )!;
    expect(err.message).toContain('Legacy');
    expect(err.message).toContain('vendor');
  });
});

describe('issue 13 item 9: a governed account moved into an ignored OU', () => {
  it('says it left its guardrails instead of planning to create it', () => {
    const s = new SnapshotBuilder();
    s.ou('Workloads');
    const ct = s.ou('Control Tower');
    s.account('app', 'app@example.com', ct);
    const workloads = organizationalUnit('Workloads', { parent: root });
    const c = config({
      organizationalUnits: [workloads],
      accounts: [mgmt, account({ name: 'app', email: 'app@example.com', parent: workloads })],
      ignore: { organizationalUnits: ['/Control Tower'] },
    });
    const errors = errorsOf(c, s);
    const err = errors.find((e) => e.code === 'account-in-ignored-ou')!;
    expect(err.message).toContain('/Control Tower');
    expect(err.message).toContain('/Workloads');
    expect(err.message).toMatch(/left its guardrails/);
  });
});

describe('issue 13 item 10: an ignore pattern that matches a policy the config attaches', () => {
  it('refuses *AWS* matching FullAWSAccess', () => {
    const errors = errorsOf(config({ ignore: { policies: ['*AWS*'] } }), new SnapshotBuilder());
    const err = errors.find((e) => e.code === 'ignore-matches-attached-policy')!;
    expect(err.message).toContain('FullAWSAccess');
    expect(err.path).toBe('ignore.policies[0]');
    expect(err.value).toBe('*AWS*');
  });

  it('refuses a pattern matching FullAWSAccess even where config attaches it nowhere', () => {
    const allowAll = serviceControlPolicy({
      name: 'allow-all',
      content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    });
    const c = config({
      root: organizationRoot({ policies: [allowAll] }),
      accounts: [managementIn(root)],
      defaultPolicies: { SERVICE_CONTROL_POLICY: [allowAll] },
      ignore: { policies: ['Full*'] },
    });
    const err = errorsOf(c, new SnapshotBuilder()).find((e) => e.code === 'ignore-matches-attached-policy')!;
    expect(err.message).toContain('AWS attaches to every new root, OU and account');
  });
});

describe('issue 13 item 14: the management account as delegated administrator', () => {
  it('is refused at plan time', () => {
    const c = config({
      trustedServices: [trustedService('guardduty.amazonaws.com', { delegatedAdministrator: mgmt })],
    });
    const err = errorsOf(c, new SnapshotBuilder()).find(
      (e) => e.code === 'delegated-admin-management-account',
    )!;
    expect(err.message).toContain('CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR');
    expect(err.path).toBe('trustedServices[guardduty.amazonaws.com].delegatedAdministrator');
  });
});

describe('issue 13 item 15: permission sets need an Identity Center instance', () => {
  it('is refused even without assignments', () => {
    const c = config({ permissionSets: [permissionSet({ name: 'ReadOnly' })] });
    const err = errorsOf(c, new SnapshotBuilder().withoutIdentityCenter()).find(
      (e) => e.code === 'no-identity-center',
    )!;
    expect(err.path).toBe('permissionSets');
  });
});

describe('issue 13 item 16: a permission set description AWS cannot remove', () => {
  it('is refused instead of planned forever', () => {
    const s = new SnapshotBuilder();
    s.permissionSet('ReadOnly', { description: 'Read everything' });
    const errors = errorsOf(config({ permissionSets: [permissionSet({ name: 'ReadOnly' })] }), s);
    const err = errors.find((e) => e.code === 'permission-set-description-not-removable')!;
    expect(err.message).toContain('Read everything');
    expect(err.path).toBe('permissionSets[ReadOnly].description');
  });
});

describe('issue 13 item 17: ignore.accounts patterns match emails case-insensitively', () => {
  it('ignores a mixed-case email with the pattern the fix text suggests', () => {
    const s = new SnapshotBuilder();
    s.account('vendor', 'Vendor@Example.com');
    const fix = errorsOf(config({}), s).find((e) => e.code === 'account-not-in-config')!.fix;
    expect(fix).toContain('Vendor@Example.com');
    const p = planOf(config({ ignore: { accounts: ['Vendor@Example.com'] } }), s);
    expect(changes(p)).toEqual([]);
    const lower = planOf(config({ ignore: { accounts: ['vendor@example.com'] } }), s);
    expect(changes(lower)).toEqual([]);
  });
});

describe('assignments to a deleted group', () => {
  it('are deleted by principal id', () => {
    const s = new SnapshotBuilder();
    const app = s.account('app', 'app@example.com');
    const ps = s.permissionSet('ReadOnly');
    s.assignment(ps, app, 'g-deleted-0000');
    const c = config({
      accounts: [mgmt, account({ name: 'app', email: 'app@example.com', parent: root })],
      permissionSets: [permissionSet({ name: 'ReadOnly' })],
      assignments: [assign(group('developers'), permissionSet({ name: 'ReadOnly' }), [root])],
    });
    const p = planOf(c, s);
    const del = p.phases
      .flatMap((ph) => ph.changes)
      .find((x) => x.kind === 'assignment' && x.action === 'delete');
    expect(del).toMatchObject({ principal: { type: 'GROUP', id: 'g-deleted-0000' } });
    expect(del?.reason).toMatch(/no longer in the identity store/);
  });
});
