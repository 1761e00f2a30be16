import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { isProductionPath, isProductionTagged } from './context.ts';
import { ACCOUNTS, assignment, baseDesired, GROUPS, PS_ARN } from './org.test-support.ts';
import { ACCESS_RISK_CODES, riskRecorder } from './risks.test-support.ts';

const { emitted, risksOf, codes } = riskRecorder();

const psUpdate = (name: 'Admin' | 'ReadOnly', before: object, after: object): Change => ({
  kind: 'permission-set-update',
  action: 'update',
  address: `permission-set/${name}`,
  name,
  arn: PS_ARN[name],
  before,
  after,
});

describe('production detection', () => {
  it('matches prod path segments but not NonProd or PreProd', () => {
    expect(isProductionPath('/Workloads/Prod')).toBe(true);
    expect(isProductionPath('/Production')).toBe(true);
    expect(isProductionPath('/Workloads/prod-eu')).toBe(true);
    expect(isProductionPath('/Workloads/NonProd')).toBe(false);
    expect(isProductionPath('/Workloads/Pre-Prod')).toBe(false);
    expect(isProductionPath('/Workloads/Dev')).toBe(false);
  });
  it('matches environment=prod|production tags in any case', () => {
    expect(isProductionTagged({ Environment: 'Prod' })).toBe(true);
    expect(isProductionTagged({ environment: 'production' })).toBe(true);
    expect(isProductionTagged({ environment: 'preprod' })).toBe(false);
    expect(isProductionTagged({ stage: 'prod' })).toBe(false);
  });
});

describe('access risks', () => {
  it('admin-in-production: admin gained in a production OU is high', () => {
    const risks = risksOf([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.prod)]);
    expect(risks[0]).toEqual({
      level: 'high',
      code: 'admin-in-production',
      message:
        'group Admins gains Admin (admin-equivalent access) in 1 production account: prod-app (111111111111) in /Workloads/Prod',
      addresses: ['assignment/GROUP:Admins/Admin/prod-app@example.com'],
    });
  });

  it('admin-in-production: a production tag counts even outside a prod OU', () => {
    const desired = baseDesired();
    const tagged = {
      ...desired,
      accounts: desired.accounts.map((a) =>
        a.name === 'dev-app' ? { ...a, tags: { Environment: 'prod' } } : a,
      ),
    };
    expect(codes([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.dev)], tagged)).toEqual([
      'high:admin-in-production',
    ]);
  });

  it('admin-access-gained: admin outside production is medium; read-only is no risk', () => {
    expect(codes([assignment('create', GROUPS.developers, 'Admin', ACCOUNTS.dev)])).toEqual([
      'medium:admin-access-gained',
    ]);
    expect(codes([assignment('create', GROUPS.admins, 'ReadOnly', ACCOUNTS.prod)])).toEqual([]);
  });

  it('admin-access-gained: an inline Allow * on * is admin-equivalent, a conditioned one is not', () => {
    const inline = (statement: object): Change => ({
      kind: 'permission-set-create',
      action: 'create',
      address: 'permission-set/Break',
      name: 'Break',
      after: {
        sessionDuration: 'PT1H',
        managedPolicies: [],
        customerManagedPolicies: [],
        inlinePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
        tags: {},
      },
    });
    const star = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(codes([inline(star), assignment('create', GROUPS.admins, 'Break', ACCOUNTS.dev)])).toEqual([
      'medium:admin-access-gained',
    ]);
    const scoped = { ...star, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
    expect(codes([inline(scoped), assignment('create', GROUPS.admins, 'Break', ACCOUNTS.dev)])).toEqual([]);
  });

  it('power-user-access-gained: medium in production, low elsewhere', () => {
    const desired = baseDesired();
    const withPowerUser = {
      ...desired,
      permissionSets: [
        ...desired.permissionSets,
        {
          name: 'Power',
          sessionDuration: 'PT1H',
          managedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'],
          customerManagedPolicies: [],
          tags: {},
        },
      ],
    };
    expect(codes([assignment('create', GROUPS.developers, 'Power', ACCOUNTS.prod)], withPowerUser)).toEqual([
      'medium:power-user-access-gained',
    ]);
    expect(codes([assignment('create', GROUPS.developers, 'Power', ACCOUNTS.dev)], withPowerUser)).toEqual([
      'low:power-user-access-gained',
    ]);
  });

  it('admin gained through a permission-set update reaches every current holder', () => {
    const escalate = psUpdate(
      'ReadOnly',
      { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      { managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
    );
    const risks = risksOf([escalate]);
    expect(risks.map((r) => [r.code, r.message])).toEqual([
      [
        'admin-in-production',
        'group Developers gains through a change to ReadOnly (admin-equivalent access) in 1 production account: prod-app (111111111111) in /Workloads/Prod',
      ],
      // ReadOnly keeps its 4h sessions, which are now admin sessions.
      [
        'long-admin-session',
        'permission set ReadOnly is admin-equivalent with 4h sessions; keep admin sessions at 1h or less',
      ],
    ]);
    // Admin staying admin (a description change) is not a gain.
    expect(codes([psUpdate('Admin', { description: 'a' }, { description: 'b' })])).toEqual([]);
  });

  it('assignment-to-user: an individual user assignment is flagged; a group is not', () => {
    expect(codes([assignment('create', GROUPS.alice, 'ReadOnly', ACCOUNTS.dev)])).toEqual([
      'low:assignment-to-user',
    ]);
    expect(codes([assignment('create', GROUPS.developers, 'ReadOnly', ACCOUNTS.dev)])).toEqual([]);
    expect(codes([assignment('delete', GROUPS.alice, 'ReadOnly', ACCOUNTS.dev)])).toEqual([]);
  });

  it('long-admin-session: admin sessions over 1h are flagged; long read-only sessions are not', () => {
    const risks = risksOf([psUpdate('Admin', { sessionDuration: 'PT1H' }, { sessionDuration: 'PT4H' })]);
    expect(risks).toEqual([
      {
        level: 'medium',
        code: 'long-admin-session',
        message:
          'permission set Admin is admin-equivalent with 4h sessions; keep admin sessions at 1h or less',
        addresses: ['permission-set/Admin'],
      },
    ]);
    expect(codes([psUpdate('ReadOnly', { sessionDuration: 'PT4H' }, { sessionDuration: 'PT12H' })])).toEqual(
      [],
    );
  });

  it('permission-set-deleted-while-assigned: flagged with its holders; an unassigned one is not', () => {
    const del = (name: string, arn: string): Change => ({
      kind: 'permission-set-delete',
      action: 'delete',
      address: `permission-set/${name}`,
      name,
      arn,
    });
    const risks = risksOf([
      assignment('delete', GROUPS.developers, 'ReadOnly', ACCOUNTS.prod),
      assignment('delete', GROUPS.developers, 'ReadOnly', ACCOUNTS.dev),
      del('ReadOnly', PS_ARN.ReadOnly),
    ]);
    expect(risks).toEqual([
      {
        level: 'medium',
        code: 'permission-set-deleted-while-assigned',
        message:
          'permission set ReadOnly is deleted while assigned to 1 principal in 2 accounts; they lose this access',
        addresses: [
          'permission-set/ReadOnly',
          'assignment/GROUP:Developers/ReadOnly/prod-app@example.com',
          'assignment/GROUP:Developers/ReadOnly/dev-app@example.com',
        ],
      },
    ]);
    expect(codes([del('Unused', 'arn:aws:sso:::permissionSet/ssoins-1/ps-unused')])).toEqual([]);
  });
});

describe('access risk coverage', () => {
  it('exercised every access risk code (runs after the tests above)', () => {
    expect([...emitted].sort()).toEqual([...ACCESS_RISK_CODES].sort());
  });
});
