import { account, managementAccount } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { baseConfig, baseSnapshot, check, codes, withAccount } from './oracle.test-support.ts';

/** baseConfig with its app account replaced or extended. */
function withAccounts(...extra: ReturnType<typeof account>[]) {
  const base = baseConfig();
  return baseConfig({ accounts: [base.accounts[0]!, ...extra] });
}

function appAccount(overrides: Partial<Parameters<typeof account>[0]> = {}) {
  const base = baseConfig();
  const app = base.accounts[1]!;
  return account({
    name: 'app',
    email: 'app@example.com',
    parent: app.parent,
    tags: { team: 'pay' },
    ...overrides,
  });
}

describe('oracle: accounts', () => {
  it('reports placement and tags that differ from config', () => {
    expect(
      codes(
        baseConfig(),
        baseSnapshot((b, ids) => b.account('x', 'x@example.com', ids.workloads)),
      ),
    ).toEqual(['account-unexpected']);
    const moved = baseSnapshot();
    const appId = moved.accounts.find((a) => a.email === 'app@example.com')!.id;
    const workloads = moved.ous.find((o) => o.name === 'Workloads')!.id;
    expect(codes(baseConfig(), withAccount(moved, appId, { parentId: workloads }))).toEqual([
      'account-placement',
    ]);
    expect(codes(baseConfig(), withAccount(moved, appId, { tags: { team: 'pay', extra: '1' } }))).toEqual([
      'account-tags',
    ]);
  });

  it('matches emails in any letter case', () => {
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    expect(check(baseConfig(), withAccount(snapshot, appId, { email: 'App@Example.COM' }))).toEqual([]);
  });

  it('reports an account matched by id whose email changed', () => {
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    const config = withAccounts(appAccount({ id: appId }));
    expect(check(config, snapshot)).toEqual([]);
    const changed = withAccount(snapshot, appId, { email: 'attacker@evil.example' });
    expect(check(config, changed)).toEqual([
      expect.objectContaining({
        what: 'account-email',
        expected: 'app@example.com',
        actual: 'attacker@evil.example',
      }),
    ]);
  });

  it('reports one live account bound by two config accounts', () => {
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    const changed = withAccount(snapshot, appId, { email: 'new@example.com' });
    const config = withAccounts(
      appAccount({ id: appId }),
      appAccount({ name: 'new', email: 'new@example.com' }),
    );
    expect(codes(config, changed)).toContain('account-bound-twice');
  });

  it('reports a missing account, but not one marked for closure', () => {
    const config = withAccounts(appAccount(), appAccount({ name: 'gone', email: 'gone@example.com' }));
    expect(codes(config, baseSnapshot())).toEqual(['account-missing']);
    const closing = withAccounts(
      appAccount(),
      appAccount({ name: 'gone', email: 'gone@example.com', close: { reason: 'x' } }),
    );
    expect(check(closing, baseSnapshot())).toEqual([]);
  });

  it('leaves ignored accounts alone: by email in any case, by id, or inside an ignored OU', () => {
    const snapshot = baseSnapshot((b) => b.account('vendor', 'vendor@example.com'));
    expect(codes(baseConfig(), snapshot)).toEqual(['account-unexpected']);
    expect(check(baseConfig({ ignore: { accounts: ['VENDOR@Example.com'] } }), snapshot)).toEqual([]);
    expect(check(baseConfig({ ignore: { accounts: ['vendor@*'] } }), snapshot)).toEqual([]);
    const vendorId = snapshot.accounts.find((a) => a.name === 'vendor')!.id;
    expect(check(baseConfig({ ignore: { accounts: [vendorId] } }), snapshot)).toEqual([]);
    const inCt = baseSnapshot((b) => b.account('vendor', 'vendor@example.com', b.ou('Control Tower')));
    expect(check(baseConfig({ ignore: { organizationalUnits: ['/Control Tower'] } }), inCt)).toEqual([]);
  });

  it('reports a config account moved into an ignored OU: it left its guardrails', () => {
    const snapshot = baseSnapshot((b) => b.ou('Control Tower'));
    const ct = snapshot.ous.find((o) => o.name === 'Control Tower')!.id;
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    const config = baseConfig({ ignore: { organizationalUnits: ['/Control Tower'] } });
    expect(check(config, withAccount(snapshot, appId, { parentId: ct }))).toEqual([
      expect.objectContaining({
        what: 'account-placement',
        expected: '/Workloads/Prod',
        actual: '/Control Tower',
      }),
    ]);
  });

  it('does not report a closed account that config no longer lists', () => {
    const snapshot = baseSnapshot((b) =>
      b.account('old', 'old@example.com', 'r-test', { state: 'SUSPENDED' }),
    );
    expect(check(baseConfig(), snapshot)).toEqual([]);
  });

  it('holds a closing account to config: closed or closing, and placed and tagged as config says', () => {
    const closing = withAccounts(appAccount({ close: { reason: 'retired' } }));
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    // Still active: not closed, and it keeps an assignment that a closing account loses.
    expect(codes(closing, snapshot)).toEqual(['account-state', 'assignment-unexpected']);
    expect(check(closing, withAccount(snapshot, appId, { state: 'PENDING_CLOSURE' }))).toEqual([]);
    expect(check(closing, withAccount(snapshot, appId, { state: 'SUSPENDED' }))).toEqual([]);
    const movedAndClosing = withAccounts(
      appAccount({ close: { reason: 'retired' }, tags: { team: 'none' } }),
    );
    expect(codes(movedAndClosing, withAccount(snapshot, appId, { state: 'SUSPENDED' }))).toEqual([
      'account-tags',
    ]);
    const workloads = baseConfig().organizationalUnits[0]!;
    const toWorkloads = withAccounts(appAccount({ close: { reason: 'retired' }, parent: workloads }));
    expect(check(toWorkloads, withAccount(snapshot, appId, { state: 'PENDING_CLOSURE' }))).toEqual([
      expect.objectContaining({
        what: 'account-placement',
        expected: '/Workloads',
        actual: '/Workloads/Prod',
      }),
    ]);
  });

  it('reports an account config keeps open that is closed', () => {
    const snapshot = baseSnapshot();
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    expect(check(baseConfig(), withAccount(snapshot, appId, { state: 'SUSPENDED' }))).toEqual([
      expect.objectContaining({ what: 'account-state', expected: 'ACTIVE', actual: 'SUSPENDED' }),
    ]);
  });

  it('finds the management account by role and leaves it alone when config does not list it', () => {
    const base = baseConfig();
    const noManagement = baseConfig({ accounts: [base.accounts[1]!] });
    expect(check(noManagement, baseSnapshot())).toEqual([]);
    const renamedMgmt = baseConfig({
      accounts: [
        managementAccount({ name: 'management', email: 'root@example.com', parent: base.root }),
        base.accounts[1]!,
      ],
    });
    expect(codes(renamedMgmt, baseSnapshot())).toEqual(['account-email']);
  });
});
