import { FullAWSAccess, organizationalUnit, SCP, serviceControlPolicy } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import {
  baseConfig,
  baseSnapshot,
  check,
  codes,
  DENY_LEAVE,
  denyDoc,
  withAccount,
} from './oracle.test-support.ts';

const scp = (name: string) => serviceControlPolicy({ name, content: denyDoc(`${name}:*`) });

/** baseConfig with /Workloads carrying `policies` (FullAWSAccess not included unless listed). */
function workloadsWith(policies: ReturnType<typeof scp>[]) {
  const base = baseConfig();
  const root = base.root;
  const workloads = organizationalUnit('Workloads', { parent: root, policies });
  const prod = organizationalUnit('Prod', { parent: workloads, tags: { env: 'prod' } });
  const app = base.accounts[1]!;
  return baseConfig({
    root,
    organizationalUnits: [workloads, prod],
    accounts: [base.accounts[0]!, { ...app, parent: prod }],
  });
}

describe('oracle: attachments', () => {
  it('reports a config attachment that is missing and one config does not have', () => {
    const snapshot = baseSnapshot();
    const noDenyLeave = {
      ...snapshot,
      policies: snapshot.policies.map((p) => (p.name === 'deny-leave' ? { ...p, targets: [] } : p)),
    };
    expect(check(baseConfig(), noDenyLeave)).toEqual([
      expect.objectContaining({
        what: 'attachment-missing',
        where: 'root',
        expected: 'SCP deny-leave attached',
      }),
    ]);
    const extra = baseSnapshot((b, ids) => b.attach(ids.denyLeave, ids.prod));
    expect(check(baseConfig(), extra)).toEqual([
      expect.objectContaining({ what: 'attachment-unexpected', where: 'OU /Workloads/Prod' }),
    ]);
  });

  it('holds FullAWSAccess to config like any policy: an allow-list OU must not keep it', () => {
    const allowList = workloadsWith([scp('s3')]);
    const s3 = (b: SnapshotBuilder, target: string) => b.policy(SCP, 's3', denyDoc('s3:*'), [target]);
    const kept = baseSnapshot((b, ids) => s3(b, ids.workloads));
    expect(check(allowList, kept)).toEqual([
      expect.objectContaining({
        what: 'attachment-unexpected',
        where: 'OU /Workloads',
        expected: 'SCP FullAWSAccess not attached',
      }),
    ]);
    const replaced = baseSnapshot((b, ids) => {
      s3(b, ids.workloads);
      b.detach('p-FullAWSAccess', ids.workloads);
    });
    expect(check(allowList, replaced)).toEqual([]);
    // Ignoring '*AWS*' does not hide a policy config itself declares.
    expect(codes(baseConfig({ ...allowList, ignore: { policies: ['*AWS*'] } }), kept)).toEqual([
      'attachment-unexpected',
    ]);
  });

  it('does not compare ignored policies but counts them against the per-target limit', () => {
    const nine = Array.from({ length: 9 }, (_, i) => scp(`g${i}`));
    const config = workloadsWith([FullAWSAccess, ...nine]);
    const ignore = { policies: ['aws-guardrails-*'] };
    const build = (guardrails: number) =>
      baseSnapshot((b, ids) => {
        for (const p of nine) b.policy(SCP, p.name, p.content, [ids.workloads]);
        for (let i = 0; i < guardrails; i++)
          b.policy(SCP, `aws-guardrails-${i}`, DENY_LEAVE, [ids.workloads]);
      });
    expect(check({ ...config, ignore }, build(0))).toEqual([]);
    expect(codes({ ...config, ignore }, build(2))).toEqual(['attachment-limit']);
    expect(codes(config, build(0))).toEqual([]);
  });

  it('does not count RCPFullAWSAccess as managed, and does not check accounts marked for closure', () => {
    const rcpOn = baseSnapshot();
    const withRcp = {
      ...rcpOn,
      root: {
        ...rcpOn.root,
        policyTypes: [
          ...rcpOn.root.policyTypes,
          { type: 'RESOURCE_CONTROL_POLICY', status: 'ENABLED' as const },
        ],
      },
      policies: [
        ...rcpOn.policies,
        {
          id: 'p-RCPFullAWSAccess',
          type: 'RESOURCE_CONTROL_POLICY',
          name: 'RCPFullAWSAccess',
          description: '',
          content: '',
          awsManaged: true,
          tags: {},
          targets: ['r-test', ...rcpOn.ous.map((o) => o.id), ...rcpOn.accounts.map((a) => a.id)],
        },
      ],
    };
    const rcpConfig = baseConfig({ policyTypes: [SCP, 'RESOURCE_CONTROL_POLICY'] });
    expect(check(rcpConfig, withRcp)).toEqual([]);

    const base = baseConfig();
    const app = base.accounts[1]!;
    const closing = baseConfig({ accounts: [base.accounts[0]!, { ...app, close: { reason: 'x' } }] });
    const snapshot = baseSnapshot((b, ids) =>
      b.detach('p-FullAWSAccess', ids.app).attach(ids.denyLeave, ids.app),
    );
    const appId = snapshot.accounts.find((a) => a.email === 'app@example.com')!.id;
    const suspended = withAccount(snapshot, appId, { state: 'SUSPENDED' });
    expect(check(closing, suspended)).toEqual([]);
  });

  it('reports every declared attachment missing while the type is disabled', () => {
    const snapshot = baseSnapshot();
    const off = {
      ...snapshot,
      root: { ...snapshot.root, policyTypes: [] },
      policies: snapshot.policies.map((p) => ({ ...p, targets: [] })),
    };
    const found = codes(baseConfig(), off);
    expect(found).toContain('policy-type');
    expect(found.filter((c) => c === 'attachment-missing').length).toBe(6);
  });
});
