import {
  account,
  FullAWSAccess,
  managementAccount,
  organizationalUnit,
  organizationRoot,
} from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { baseConfig, baseSnapshot, check, codes } from './oracle.test-support.ts';

describe('oracle: OUs', () => {
  it('accepts the matching organization', () => {
    expect(check(baseConfig(), baseSnapshot())).toEqual([]);
  });

  it('reports a live OU that config does not have', () => {
    const snapshot = baseSnapshot((b, ids) => {
      b.ou('Dev', ids.workloads);
    });
    expect(codes(baseConfig(), snapshot)).toEqual(['ou-unexpected']);
    const found = check(baseConfig(), snapshot)[0];
    expect(found?.where).toContain('/Workloads/Dev');
  });

  it('leaves an ignored OU and its subtree alone, and reports the same OU when not ignored', () => {
    const snapshot = baseSnapshot((b) => {
      const ct = b.ou('Control Tower');
      b.ou('Inner', ct);
    });
    expect(codes(baseConfig(), snapshot)).toEqual(['ou-unexpected', 'ou-unexpected']);
    expect(check(baseConfig({ ignore: { organizationalUnits: ['/Control Tower*'] } }), snapshot)).toEqual([]);
  });

  it('reports a missing OU, and OU tags that differ', () => {
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const sec = organizationalUnit('Security', { parent: root, tags: { tier: 'high' } });
    const config = baseConfig({ organizationalUnits: [...baseConfig().organizationalUnits, sec] });
    expect(codes(config, baseSnapshot())).toEqual(['ou-missing']);
    expect(
      codes(
        config,
        baseSnapshot((b) => b.ou('Security', 'r-test', { tier: 'low' })),
      ),
    ).toEqual(['ou-tags']);
    expect(
      check(
        config,
        baseSnapshot((b) => b.ou('Security', 'r-test', { tier: 'high' })),
      ),
    ).toEqual([]);
  });

  it('compares paths as segments: a top-level "Prod/EU" is not /Prod/EU', () => {
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const prod = organizationalUnit('Prod', { parent: root });
    const eu = organizationalUnit('EU', { parent: prod });
    const config = baseConfig({
      root,
      organizationalUnits: [prod, eu],
      accounts: [
        managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
        account({ name: 'shop', email: 'shop@example.com', parent: eu }),
      ],
      permissionSets: [],
      assignments: [],
    });
    const nested = new SnapshotBuilder();
    const prodId = nested.ou('Prod');
    nested.account('shop', 'shop@example.com', nested.ou('EU', prodId));
    expect(check(config, nested.build())).toEqual([]);

    const flat = new SnapshotBuilder();
    flat.ou('Prod');
    flat.account('shop', 'shop@example.com', flat.ou('Prod/EU'));
    const found = check(config, flat.build());
    expect(found.map((d) => d.what).sort()).toEqual(['account-placement', 'ou-missing', 'ou-unexpected']);
    expect(found.find((d) => d.what === 'ou-unexpected')?.where).toContain('/Prod\\/EU');
    expect(found.find((d) => d.what === 'account-placement')).toMatchObject({
      expected: '/Prod/EU',
      actual: '/Prod\\/EU',
    });
  });

  it('reads ignore patterns in the path text config uses: "/" inside a name is escaped', () => {
    const config = baseConfig({ ignore: { organizationalUnits: ['/Prod\\/EU'] } });
    const flat = baseSnapshot((b) => b.ou('Prod/EU'));
    expect(check(config, flat)).toEqual([]);
    const nested = baseSnapshot((b) => b.ou('EU', b.ou('Prod')));
    expect(codes(config, nested)).toEqual(['ou-unexpected', 'ou-unexpected']);
    expect(codes(baseConfig({ ignore: { organizationalUnits: ['/Prod/EU'] } }), flat)).toEqual([
      'ou-unexpected',
    ]);
  });

  it('reports two live OUs at one path instead of picking one', () => {
    const snapshot = baseSnapshot();
    const twin = { ...snapshot.ous[1]!, id: 'ou-test-twin0000' };
    const found = check(baseConfig(), { ...snapshot, ous: [...snapshot.ous, twin] });
    expect(found.map((d) => d.what)).toContain('ou-duplicate');
  });

  it('compares OU names case-sensitively: /workloads is not /Workloads', () => {
    const snapshot = baseSnapshot();
    const renamed = {
      ...snapshot,
      ous: snapshot.ous.map((o) => (o.name === 'Workloads' ? { ...o, name: 'workloads' } : o)),
    };
    expect(codes(baseConfig(), renamed)).toEqual([
      'account-placement',
      'ou-missing',
      'ou-missing',
      'ou-unexpected',
      'ou-unexpected',
    ]);
  });
});
