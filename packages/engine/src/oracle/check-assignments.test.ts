import { account, accountsTagged, assign, group } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import { baseConfig, baseSnapshot, check, codes } from './oracle.test-support.ts';

const readOnlyOf = () => baseConfig().assignments![0]!.permissionSet;

function withoutAssignments(snapshot: Snapshot): Snapshot {
  return { ...snapshot, identityCenter: { ...snapshot.identityCenter!, assignments: [] } };
}

describe('oracle: assignments', () => {
  it('expands an OU rule to the accounts config places below it', () => {
    expect(check(baseConfig(), baseSnapshot())).toEqual([]);
    expect(check(baseConfig(), withoutAssignments(baseSnapshot()))).toEqual([
      expect.objectContaining({
        what: 'assignment-missing',
        where: 'assignment: group developers has ReadOnly in app <app@example.com>',
      }),
    ]);
  });

  it('reports an assignment config does not make', () => {
    const snapshot = baseSnapshot((b, ids) => b.assignment(ids.readOnly, ids.app, 'g-platform-admins'));
    expect(codes(baseConfig(), snapshot)).toEqual(['assignment-unexpected']);
  });

  it('expands tag rules and exclusions from config tags, not live ones', () => {
    const base = baseConfig();
    const ps = readOnlyOf();
    const byTag = baseConfig({
      assignments: [assign(group('developers'), ps, [accountsTagged('team', 'pay')])],
    });
    expect(check(byTag, baseSnapshot())).toEqual([]);
    const otherValue = baseConfig({
      assignments: [assign(group('developers'), ps, [accountsTagged('team', 'ops')])],
    });
    expect(codes(otherValue, baseSnapshot())).toEqual(['assignment-unexpected']);
    const excluded = baseConfig({
      assignments: [
        assign(group('developers'), ps, [base.organizationalUnits[0]!], { exclude: [base.accounts[1]!] }),
      ],
    });
    expect(codes(excluded, baseSnapshot())).toEqual(['assignment-unexpected']);
  });

  it('gives accounts marked for closure nothing, and skips closed accounts', () => {
    const base = baseConfig();
    const closing = baseConfig({
      accounts: [base.accounts[0]!, { ...base.accounts[1]!, close: { reason: 'x' } }],
    });
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    const suspended = {
      ...snapshot,
      accounts: snapshot.accounts.map((a) => (a.id === appId ? { ...a, state: 'SUSPENDED' as const } : a)),
    };
    expect(check(closing, suspended)).toEqual([]);
  });

  it('leaves assignments in ignored accounts and of ignored permission sets alone', () => {
    const vendorSnapshot = baseSnapshot((b, ids) => {
      const vendor = b.account('vendor', 'vendor@example.com');
      b.assignment(ids.readOnly, vendor, 'g-developers');
    });
    expect(codes(baseConfig({ ignore: { accounts: ['vendor@example.com'] } }), vendorSnapshot)).toEqual([]);
    const ctSnapshot = baseSnapshot((b, ids) =>
      b.assignment(b.permissionSet('AWSControlTowerAdmin'), ids.app, 'g-developers'),
    );
    expect(codes(baseConfig({ ignore: { permissionSets: ['AWSControlTower*'] } }), ctSnapshot)).toEqual([]);
  });

  it('reports an assignment to a principal the identity store no longer has', () => {
    const snapshot = baseSnapshot((b, ids) => b.assignment(ids.readOnly, ids.app, 'g-deleted'));
    expect(check(baseConfig(), snapshot)).toEqual([
      expect.objectContaining({
        what: 'assignment-unexpected',
        where: expect.stringContaining('group id g-deleted'),
      }),
    ]);
  });

  it('expects assignments to every account of an OU subtree by segments, nested OUs included', () => {
    const base = baseConfig();
    const prod = base.organizationalUnits[1]!;
    const extra = account({ name: 'app2', email: 'app2@example.com', parent: prod });
    const config = baseConfig({ accounts: [...base.accounts, extra] });
    const snapshot = baseSnapshot((b, ids) => b.account('app2', 'app2@example.com', ids.prod));
    expect(codes(config, snapshot)).toEqual(['assignment-missing']);
  });
});
