import { describe, expect, it } from 'vitest';
import { desiredFromSnapshot } from './live-desired.ts';
import { changesOf } from './plan.ts';
import { plan } from './planner/index.ts';
import { baseSnapshot } from './testing/index.ts';

describe('desiredFromSnapshot', () => {
  it('reads the live organization as a config: paths, ids, attachments and assignments', () => {
    const d = desiredFromSnapshot(baseSnapshot());
    expect(d.ous.map((o) => o.path)).toEqual([
      '/Workloads',
      '/Suspended',
      '/Workloads/Prod',
      '/Workloads/Dev',
    ]);
    expect(d.accounts.map((a) => [a.name, a.id, a.parentPath, a.management])).toEqual([
      ['prod-app', '111111111111', '/Workloads/Prod', false],
      ['dev-app', '222222222222', '/Workloads/Dev', false],
      ['old-app', '333333333333', '/Suspended', false],
    ]);
    expect(
      d.attachments.filter((a) => a.policyName !== 'FullAWSAccess').map((a) => `${a.policyName}@${a.target}`),
    ).toEqual(['deny-leave-org@/', 'deny-all@/Suspended']);
    expect(d.assignments).toEqual([
      {
        principal: { type: 'GROUP', name: 'Developers' },
        permissionSet: 'ReadOnly',
        targets: [
          { kind: 'account', email: 'prod-app@example.com' },
          { kind: 'account', email: 'dev-app@example.com' },
        ],
        exclude: [],
      },
      {
        principal: { type: 'GROUP', name: 'Admins' },
        permissionSet: 'Admin',
        targets: [{ kind: 'account', email: 'dev-app@example.com' }],
        exclude: [],
      },
    ]);
  });

  it('plans no change against the organization it was read from', () => {
    const snapshot = baseSnapshot();
    const result = plan({ desired: desiredFromSnapshot(snapshot), snapshot, toolVersion: '0.1.0' });
    expect(result.ok).toBe(true);
    expect(result.ok && changesOf(result.value).map((c) => c.address)).toEqual([]);
  });

  it('leaves out closed accounts and fills in FullAWSAccess when AWS did not return its text', () => {
    const s = baseSnapshot();
    const snapshot = {
      ...s,
      accounts: s.accounts.map((a) => (a.name === 'old-app' ? { ...a, state: 'SUSPENDED' as const } : a)),
      policies: s.policies.map((p) => (p.name === 'FullAWSAccess' ? { ...p, content: '' } : p)),
    };
    const d = desiredFromSnapshot(snapshot);
    expect(d.accounts.map((a) => a.name)).toEqual(['prod-app', 'dev-app']);
    expect(JSON.parse(d.policies.find((p) => p.name === 'FullAWSAccess')?.content ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });
});
