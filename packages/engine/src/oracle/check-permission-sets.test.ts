import { permissionSet } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotPermissionSet } from '../snapshot.ts';
import { baseConfig, baseSnapshot, check, codes } from './oracle.test-support.ts';

function withPermissionSet(
  snapshot: Snapshot,
  name: string,
  change: Partial<SnapshotPermissionSet>,
): Snapshot {
  const ic = snapshot.identityCenter!;
  return {
    ...snapshot,
    identityCenter: {
      ...ic,
      permissionSets: ic.permissionSets.map((p) => (p.name === name ? { ...p, ...change } : p)),
    },
  };
}

describe('oracle: permission sets', () => {
  it.each([
    ['description', { description: 'Read everything' }],
    ['sessionDuration', { sessionDuration: 'PT8H' }],
    ['relayState', { relayState: 'https://console.aws.amazon.com/' }],
    ['inlinePolicy', { inlinePolicy: '{"Version":"2012-10-17","Statement":[]}' }],
    ['managedPolicies', { managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }],
    ['customerManagedPolicies', { customerManagedPolicies: [{ name: 'extra', path: '/' }] }],
    [
      'permissionsBoundary',
      { permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } },
    ],
    ['tags', { tags: { owner: 'x' } }],
  ] as const)('reports a %s that differs', (field, change) => {
    const found = check(baseConfig(), withPermissionSet(baseSnapshot(), 'ReadOnly', change));
    expect(found).toEqual([
      expect.objectContaining({ what: 'permission-set-field', where: `permission set ReadOnly ${field}` }),
    ]);
  });

  it('treats equivalent forms as equal: PT240M is PT4H, key order in the inline policy does not count', () => {
    const config = baseConfig({
      permissionSets: [
        permissionSet({
          name: 'ReadOnly',
          description: 'Read',
          sessionDuration: 'PT240M',
          managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
          inlinePolicy: { Version: '2012-10-17', Statement: [] },
        }),
      ],
    });
    const live = withPermissionSet(baseSnapshot(), 'ReadOnly', {
      inlinePolicy: '{ "Statement": [], "Version": "2012-10-17" }',
    });
    expect(codes(config, live)).toEqual([]);
  });

  it('reports a description config cleared but AWS kept', () => {
    const config = baseConfig({
      permissionSets: [
        permissionSet({
          name: 'ReadOnly',
          sessionDuration: 'PT4H',
          managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        }),
      ],
    });
    expect(check(config, baseSnapshot())).toEqual([
      expect.objectContaining({ what: 'permission-set-field', expected: '""', actual: '"Read"' }),
    ]);
  });

  it('reports a missing and an unmanaged permission set, unless ignored', () => {
    const extra = permissionSet({ name: 'Admin' });
    expect(
      codes(baseConfig({ permissionSets: [...(baseConfig().permissionSets ?? []), extra] }), baseSnapshot()),
    ).toEqual(['permission-set-missing']);
    const ct = baseSnapshot((b) => b.permissionSet('AWSControlTowerAdmin'));
    expect(codes(baseConfig(), ct)).toEqual(['permission-set-unexpected']);
    expect(check(baseConfig({ ignore: { permissionSets: ['AWSControlTower*'] } }), ct)).toEqual([]);
  });

  it('reports an outdated role in every active account, ignored ones included, but not in closed ones', () => {
    const snapshot = baseSnapshot((b) => {
      b.account('vendor', 'vendor@example.com', 'r-test');
      b.account('old', 'old@example.com', 'r-test', { state: 'SUSPENDED' });
    });
    const vendor = snapshot.accounts.find((a) => a.name === 'vendor')!.id;
    const old = snapshot.accounts.find((a) => a.name === 'old')!.id;
    const config = baseConfig({ ignore: { accounts: ['vendor@example.com'] } });
    const outdated = withPermissionSet(snapshot, 'ReadOnly', {
      provisionedTo: [vendor, old],
      outdatedIn: [vendor, old],
    });
    expect(check(config, outdated)).toEqual([
      expect.objectContaining({ what: 'permission-set-outdated', where: expect.stringContaining('vendor') }),
    ]);
    expect(
      check(
        config,
        withPermissionSet(snapshot, 'ReadOnly', { provisionedTo: [vendor, old], outdatedIn: [old] }),
      ),
    ).toEqual([]);
  });

  it('reports permission sets or assignments with no Identity Center instance', () => {
    const { identityCenter: _, ...noInstance } = baseSnapshot();
    expect(codes(baseConfig(), noInstance as Snapshot)).toEqual(['identity-center-missing']);
    expect(check(baseConfig({ permissionSets: [], assignments: [] }), noInstance as Snapshot)).toEqual([]);
  });
});
