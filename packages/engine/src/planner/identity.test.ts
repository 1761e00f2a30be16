import {
  account,
  defineOrganization,
  FullAWSAccess,
  managementAccount,
  normalize,
  type OrganizationalUnit,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  type Root,
  serviceControlPolicy,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { plan } from './index.ts';

const SCP = 'SERVICE_CONTROL_POLICY';

function config(root: Root, ous: OrganizationalUnit[], accounts: [string, Root | OrganizationalUnit][] = []) {
  return defineOrganization({
    policyTypes: [SCP],
    root,
    organizationalUnits: ous,
    accounts: [
      managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
      ...accounts.map(([name, parent]) => account({ name, email: `${name}@example.com`, parent })),
    ],
    defaultPolicies: { [SCP]: [FullAWSAccess] },
  });
}

function changesOf(c: OrganizationConfig, s: SnapshotBuilder): Change[] {
  const result = plan({ desired: normalize(c), snapshot: s.build(), toolVersion: '0.1.0', now: new Date(0) });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return result.value.phases.flatMap((p) => p.changes);
}

const line = (c: Change): string =>
  c.kind === 'ou-update' && c.rename ? `rename ${c.path} -> ${c.rename.to}` : `${c.action} ${c.address}`;

describe('OUs are matched by identity, not path text', () => {
  it('renames Prod to Legacy before creating the new Prod, and moves payments out of the renamed one', () => {
    const s = new SnapshotBuilder();
    s.account('payments', 'payments@example.com', s.ou('Prod'));
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const legacy = organizationalUnit('Legacy', { parent: root, renamedFrom: 'Prod' });
    const prod = organizationalUnit('Prod', { parent: root });
    const changes = changesOf(config(root, [legacy, prod], [['payments', prod]]), s);
    expect(changes.map(line)).toEqual([
      'rename /Prod -> Legacy',
      'create ou/Prod',
      'move account/payments@example.com',
    ]);
    expect(changes[2]).toMatchObject({
      fromPath: '/Prod',
      toPath: '/Prod',
      reason: '/Prod is renamed to /Legacy in this plan',
    });
  });

  it('keeps a top-level "Prod/EU" apart from /Prod/EU', () => {
    const s = new SnapshotBuilder();
    s.ou('Prod');
    s.account('shop', 'shop@example.com', s.ou('Prod/EU'));
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root });
    const eu = organizationalUnit('EU', { parent: prod });
    const changes = changesOf(config(root, [prod, eu], [['shop', eu]]), s);
    expect(changes.map(line)).toEqual([
      'create ou/Prod/EU',
      'move account/shop@example.com',
      'delete ou/Prod\\/EU',
    ]);
  });

  it('renames a parent and its child in one plan without moving their accounts', () => {
    const s = new SnapshotBuilder();
    s.account('app', 'app@example.com', s.ou('C', s.ou('A')));
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const b = organizationalUnit('B', { parent: root, renamedFrom: 'A' });
    const d = organizationalUnit('D', { parent: b, renamedFrom: 'C' });
    expect(changesOf(config(root, [b, d], [['app', d]]), s).map(line)).toEqual([
      'rename /A -> B',
      'rename /A/C -> D',
    ]);
  });

  it('frees a name before a rename takes it (A -> B while B -> C)', () => {
    const s = new SnapshotBuilder();
    s.ou('A');
    s.ou('B');
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const b = organizationalUnit('B', { parent: root, renamedFrom: 'A' });
    const c = organizationalUnit('C', { parent: root, renamedFrom: 'B' });
    expect(changesOf(config(root, [b, c]), s).map(line)).toEqual(['rename /B -> C', 'rename /A -> B']);
  });
});

describe('policies are matched by identity', () => {
  const doc = (action: string) => ({
    Version: '2012-10-17' as const,
    Statement: [{ Effect: 'Deny' as const, Action: action, Resource: '*' }],
  });

  it('renames deny-regions to deny-regions-legacy, then creates the new deny-regions', () => {
    const s = new SnapshotBuilder();
    const old = s.policy(SCP, 'deny-regions', doc('ec2:*'), ['r-test']);
    const legacy = serviceControlPolicy({
      name: 'deny-regions-legacy',
      content: doc('ec2:*'),
      renamedFrom: 'deny-regions',
    });
    const wider = serviceControlPolicy({ name: 'deny-regions', content: doc('*') });
    const root = organizationRoot({ policies: [FullAWSAccess, legacy, wider] });
    const changes = changesOf(config(root, []), s);
    expect(changes.map((c) => `${c.action} ${c.address}`)).toEqual([
      'update policy/SERVICE_CONTROL_POLICY/deny-regions',
      'create policy/SERVICE_CONTROL_POLICY/deny-regions',
      'attach attachment/SERVICE_CONTROL_POLICY/deny-regions@/',
    ]);
    expect(changes[0]).toMatchObject({
      id: old,
      rename: { from: 'deny-regions', to: 'deny-regions-legacy' },
    });
    expect(changes[0]).not.toHaveProperty('content', expect.anything());
  });
});

describe('phases', () => {
  it('attaches to the root and OUs before accounts arrive, and to new accounts once they exist', () => {
    const s = new SnapshotBuilder();
    s.account('app', 'app@example.com');
    const denyS3 = serviceControlPolicy({
      name: 'deny-s3',
      content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] },
    });
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root, policies: [FullAWSAccess, denyS3] });
    const c = defineOrganization({
      policyTypes: [SCP],
      root,
      organizationalUnits: [prod],
      accounts: [
        managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
        account({ name: 'app', email: 'app@example.com', parent: prod }),
        account({
          name: 'fresh',
          email: 'fresh@example.com',
          parent: prod,
          policies: [FullAWSAccess, denyS3],
        }),
      ],
      defaultPolicies: { [SCP]: [FullAWSAccess] },
    });
    const result = plan({ desired: normalize(c), snapshot: s.build(), toolVersion: '0.1.0' });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(
      result.value.phases.map((p) => [p.name, p.changes.map((x) => `${x.action} ${x.address}`)]),
    ).toEqual([
      ['create-ous', ['create ou/Prod']],
      ['write-policies', ['create policy/SERVICE_CONTROL_POLICY/deny-s3']],
      ['attachments', ['attach attachment/SERVICE_CONTROL_POLICY/deny-s3@/Prod']],
      ['create-accounts', ['create account/fresh@example.com']],
      ['place-accounts', ['move account/app@example.com']],
      ['attach-new-accounts', ['attach attachment/SERVICE_CONTROL_POLICY/deny-s3@account:fresh@example.com']],
    ]);
  });
});
