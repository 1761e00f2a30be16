import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import {
  ACCOUNTS,
  assignment,
  baseDesired,
  baseSnapshot,
  GROUPS,
  PS_ARN,
  permissionSetUpdate,
} from '../testing/index.ts';
import { isProductionPath, isProductionTagged } from './analysis-context.ts';
import { analyzePlan, analyzeUnpruned } from './analyze.ts';
import { ACCESS_RISK_CODES, riskRecorder } from './risks.test-support.ts';

const { emitted, risksOf, codes } = riskRecorder();

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
    const escalate = permissionSetUpdate(
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
    expect(codes([permissionSetUpdate('Admin', { description: 'a' }, { description: 'b' })])).toEqual([]);
  });

  it('admin-in-critical-account: admin reaching the management account or a security account is high', () => {
    const desired = baseDesired();
    const critical = {
      ...desired,
      accounts: desired.accounts.map((a) =>
        a.name === 'dev-app'
          ? { ...a, management: true }
          : a.name === 'old-app'
            ? { ...a, tags: { environment: 'security' } }
            : a,
      ),
    };
    const risks = risksOf(
      [
        assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.dev),
        assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.old),
        assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.prod),
      ],
      critical,
    );
    expect(risks[0]).toMatchObject({
      level: 'high',
      code: 'admin-in-critical-account',
      message:
        'group Admins gains Admin (admin-equivalent access) in the management account: dev-app (222222222222) in /Workloads/Dev; 1 security account: old-app (333333333333) in /Suspended; 1 production account: prod-app (111111111111) in /Workloads/Prod',
    });
    // A Security OU or a log-archive name is enough, whatever the tags say.
    const named = {
      ...desired,
      accounts: desired.accounts.map((a) => (a.name === 'old-app' ? { ...a, name: 'log-archive' } : a)),
    };
    expect(codes([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.old)], named)).toEqual([
      'high:admin-in-critical-account',
    ]);
    const moved = {
      ...desired,
      accounts: desired.accounts.map((a) => (a.name === 'old-app' ? { ...a, parentPath: '/Security' } : a)),
    };
    expect(codes([assignment('create', GROUPS.admins, 'Admin', ACCOUNTS.old)], moved)).toEqual([
      'high:admin-in-critical-account',
    ]);
  });

  it('privilege-escalation: IAM writes and AssumeRole on * added to a permission set its holders keep are high', () => {
    const inline = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      ],
    });
    const risks = risksOf([permissionSetUpdate('ReadOnly', {}, { inlinePolicy: inline })]);
    expect(risks).toEqual([
      {
        level: 'high',
        code: 'privilege-escalation',
        message:
          'permission set ReadOnly now allows IAM writes (iam:* in the inline policy), policy-version writes (iam:* in the inline policy), iam:PassRole on any role (iam:* in the inline policy), sts:AssumeRole on any role (sts:AssumeRole in the inline policy): each is a path to admin; held by 1 principal in 1 production account: prod-app (111111111111) in /Workloads/Prod',
        addresses: ['permission-set/ReadOnly'],
      },
    ]);
    // Scoped grants are not escalation: AssumeRole on one named role, an attach limited by a condition.
    const scoped = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/reader' },
        {
          Effect: 'Allow',
          Action: 'iam:AttachRolePolicy',
          Resource: '*',
          Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AWSDenyAll' } },
        },
      ],
    });
    expect(codes([permissionSetUpdate('ReadOnly', {}, { inlinePolicy: scoped })])).toEqual([]);
    // An unconditional Deny in the same permission set takes the path back.
    const denied = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: ['iam:*'], Resource: '*' },
      ],
    });
    expect(codes([permissionSetUpdate('ReadOnly', {}, { inlinePolicy: denied })])).toEqual([]);
  });

  it('privilege-escalation: a managed policy is read when its document is supplied', () => {
    const change = permissionSetUpdate(
      'ReadOnly',
      { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
      {
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/IAMFullAccess'],
      },
    );
    const input = { changes: [change], desired: baseDesired(), snapshot: baseSnapshot() };
    expect(analyzePlan(input).risks.map((r) => r.code)).toEqual([]);
    const documents = (arn: string) =>
      arn.endsWith('/IAMFullAccess')
        ? {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['iam:*', 'organizations:List*'], Resource: '*' }],
          }
        : { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*'], Resource: '*' }] };
    const analysis = analyzePlan(input, { managedPolicyDocument: documents });
    expect(analysis).toEqual(analyzeUnpruned(input, { managedPolicyDocument: documents }));
    expect(analysis.risks.map((r) => `${r.level}:${r.code}`)).toEqual(['high:privilege-escalation']);
    expect(analysis.risks[0]?.message).toContain('IAM writes (iam:* in IAMFullAccess)');
  });

  it('privilege-escalation: a new holder of a permission set with a path is medium in sensitive accounts, low elsewhere', () => {
    const desired = baseDesired();
    const withPassRole = {
      ...desired,
      permissionSets: desired.permissionSets.map((ps) =>
        ps.name === 'ReadOnly'
          ? {
              ...ps,
              inlinePolicy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
              }),
            }
          : ps,
      ),
    };
    expect(codes([assignment('create', GROUPS.admins, 'ReadOnly', ACCOUNTS.prod)], withPassRole)).toEqual([
      'medium:privilege-escalation',
    ]);
    expect(codes([assignment('create', GROUPS.admins, 'ReadOnly', ACCOUNTS.dev)], withPassRole)).toEqual([
      'low:privilege-escalation',
    ]);
  });

  it('assignment-to-user: an individual user assignment is flagged; a group is not', () => {
    expect(codes([assignment('create', GROUPS.alice, 'ReadOnly', ACCOUNTS.dev)])).toEqual([
      'low:assignment-to-user',
    ]);
    expect(codes([assignment('create', GROUPS.developers, 'ReadOnly', ACCOUNTS.dev)])).toEqual([]);
    expect(codes([assignment('delete', GROUPS.alice, 'ReadOnly', ACCOUNTS.dev)])).toEqual([]);
  });

  it('long-admin-session: admin sessions over 1h are flagged; long read-only sessions are not', () => {
    const risks = risksOf([
      permissionSetUpdate('Admin', { sessionDuration: 'PT1H' }, { sessionDuration: 'PT4H' }),
    ]);
    expect(risks).toEqual([
      {
        level: 'medium',
        code: 'long-admin-session',
        message:
          'permission set Admin is admin-equivalent with 4h sessions; keep admin sessions at 1h or less',
        addresses: ['permission-set/Admin'],
      },
    ]);
    expect(
      codes([permissionSetUpdate('ReadOnly', { sessionDuration: 'PT4H' }, { sessionDuration: 'PT12H' })]),
    ).toEqual([]);
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
