import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import {
  ACCOUNTS,
  accountMove,
  assignment,
  attachment,
  baseDesired,
  DENY_LEAVE,
  GROUPS,
  policyUpdate,
} from '../testing/index.ts';
import { RISK_CODES } from './risk-codes.ts';
import { ACCESS_RISK_CODES, ORGANIZATION_RISK_CODES, riskRecorder } from './risks.test-support.ts';

const { emitted, risksOf, codes } = riskRecorder();

describe('guardrail risks', () => {
  it('guardrail-removed: detaching a Deny SCP is high; detaching FullAWSAccess is not this risk', () => {
    const risks = risksOf([attachment('detach', 'deny-leave-org', { kind: 'root' })]);
    expect(risks).toEqual([
      {
        level: 'high',
        code: 'guardrail-removed',
        message: 'SCP deny-leave-org (1 Deny statement) is detached from the root (all 3 accounts)',
        addresses: ['attachment/SERVICE_CONTROL_POLICY/deny-leave-org@/'],
      },
    ]);
    expect(codes([attachment('attach', 'deny-leave-org', { kind: 'ou', path: '/Workloads' })])).toEqual([]);
  });

  it('guardrail-removed: deleting an SCP is flagged; deleting a tag policy is not', () => {
    const del = (policyType: string, name: string): Change => ({
      kind: 'policy-delete',
      action: 'delete',
      address: `policy/${policyType}/${name}`,
      policyType,
      name,
      id: 'p-x',
      content: DENY_LEAVE,
    });
    expect(risksOf([del('SERVICE_CONTROL_POLICY', 'deny-leave-org')]).map((r) => r.message)).toEqual([
      'SCP deny-leave-org (1 Deny statement) is deleted',
    ]);
    expect(codes([del('TAG_POLICY', 'cost-center')])).toEqual([]);
  });

  it('guardrail-weakened: an update removing a Deny is high, one adding a Deny is no risk', () => {
    const update = (before: string, after: string): Change => policyUpdate({ content: { before, after } });
    const none =
      '{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}';
    expect(codes([update(DENY_LEAVE, none)])).toEqual(['high:guardrail-weakened']);
    expect(codes([update(none, DENY_LEAVE)])).toEqual([]);
    const rewritten = DENY_LEAVE.replace('"Resource":"*"', '"Resource":"arn:aws:organizations::*"');
    expect(codes([update(DENY_LEAVE, rewritten)])).toEqual(['medium:guardrail-weakened']);
  });

  it('guardrail-exemption-widened: says who escapes which Deny where, high for people, medium for a named role', () => {
    const guard = (exempt: string[]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Leave',
            Effect: 'Deny',
            Action: 'organizations:LeaveOrganization',
            Resource: '*',
            Condition: { ArnNotLike: { 'aws:PrincipalArn': exempt } },
          },
        ],
      });
    const update = (before: string[], after: string[]): Change =>
      policyUpdate({ content: { before: guard(before), after: guard(after) } });
    const bg = 'arn:aws:iam::*:role/break-glass';
    const sso = 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_*';
    expect(risksOf([update([bg], [bg, sso])])).toEqual([
      {
        level: 'high',
        code: 'guardrail-exemption-widened',
        message: `SCP deny-leave-org now exempts ${sso} (every Identity Center user: the role of every permission set) from 1 Deny statement (organizations:LeaveOrganization) in 3 accounts (attached to /)`,
        addresses: ['policy/SERVICE_CONTROL_POLICY/deny-leave-org'],
      },
    ]);
    // The pattern the issue quotes misses Identity Center's roles but lets any look-alike through.
    expect(risksOf([update([bg], [bg, 'arn:aws:iam::*:role/AWSReservedSSO_*'])])[0]?.message).toContain(
      "any role or user whose name matches: anyone who can create a role can pick such a name; Identity Center's own roles sit under /aws-reserved/sso.amazonaws.com/ and do not match it",
    );
    expect(
      risksOf([
        update([bg], [bg, 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*']),
      ])[0]?.message,
    ).toContain('every Identity Center user of Admin');
    expect(codes([update([bg], [bg, 'arn:aws:iam::*:role/orgops-apply'])])).toEqual([
      'medium:guardrail-exemption-widened',
    ]);
    // Taking an exemption away is no risk.
    expect(codes([update([bg, sso], [bg])])).toEqual([]);
  });

  it('full-aws-access-detached: high alone, medium when an allow-list SCP replaces it', () => {
    const detach = attachment('detach', 'FullAWSAccess', { kind: 'ou', path: '/Workloads' });
    expect(risksOf([detach])).toEqual([
      {
        level: 'high',
        code: 'full-aws-access-detached',
        message:
          'FullAWSAccess is detached from /Workloads (2 accounts): everything below may be denied unless another SCP allows it',
        addresses: ['attachment/SERVICE_CONTROL_POLICY/FullAWSAccess@/Workloads'],
      },
    ]);
    const allowList: Change = {
      kind: 'policy-create',
      action: 'create',
      address: 'policy/SERVICE_CONTROL_POLICY/allow-list',
      policyType: 'SERVICE_CONTROL_POLICY',
      name: 'allow-list',
      description: '',
      content:
        '{"Statement":[{"Action":["s3:*","ec2:*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
      tags: {},
    };
    const replace = attachment('attach', 'allow-list', { kind: 'ou', path: '/Workloads' });
    expect(codes([allowList, replace, detach])).toEqual(['medium:full-aws-access-detached']);
    expect(codes([attachment('attach', 'FullAWSAccess', { kind: 'ou', path: '/Workloads' })])).toEqual([]);
  });
});

describe('organization risks', () => {
  it('policy-type-disabled: SCPs high, tag policies medium; enabling is no risk', () => {
    const pt = (action: 'enable' | 'disable', policyType: string): Change => ({
      kind: 'policy-type',
      action,
      address: `policy-type/${policyType}`,
      policyType,
    });
    expect(codes([pt('disable', 'SERVICE_CONTROL_POLICY'), pt('disable', 'TAG_POLICY')])).toEqual([
      'high:policy-type-disabled',
      'medium:policy-type-disabled',
    ]);
    expect(codes([pt('enable', 'SERVICE_CONTROL_POLICY')])).toEqual([]);
  });

  it('trusted-service-disabled: critical services are high and say what breaks', () => {
    const ts = (action: 'enable' | 'disable', servicePrincipal: string): Change => ({
      kind: 'trusted-service',
      action,
      address: `trusted-service/${servicePrincipal}`,
      servicePrincipal,
    });
    expect(risksOf([ts('disable', 'sso.amazonaws.com')])).toEqual([
      {
        level: 'high',
        code: 'trusted-service-disabled',
        message:
          'trusted access for sso.amazonaws.com is disabled: every Identity Center sign-in to every account stops working',
        addresses: ['trusted-service/sso.amazonaws.com'],
      },
    ]);
    expect(codes([ts('disable', 'ram.amazonaws.com')])).toEqual(['medium:trusted-service-disabled']);
    expect(codes([ts('enable', 'sso.amazonaws.com')])).toEqual([]);
  });

  it('delegated-admin-deregistered: flagged on deregister only', () => {
    const da = (action: 'register' | 'deregister'): Change => ({
      kind: 'delegated-admin',
      action,
      address: 'delegated-admin/guardduty.amazonaws.com/dev-app@example.com',
      servicePrincipal: 'guardduty.amazonaws.com',
      account: ACCOUNTS.dev,
    });
    expect(codes([da('deregister')])).toEqual(['medium:delegated-admin-deregistered']);
    expect(codes([da('register')])).toEqual([]);
  });

  it('account-closure: always high; tagging an account is no risk', () => {
    const risks = risksOf([
      {
        kind: 'account-close',
        action: 'close',
        address: 'account/old-app@example.com',
        account: ACCOUNTS.old,
        closeReason: 'decommissioned',
      },
    ]);
    expect(risks.map((r) => `${r.level}:${r.code}:${r.message}`)).toEqual([
      'high:account-closure:account old-app (333333333333) in /Suspended is closed (decommissioned); it is suspended at once and can be reopened only through AWS Support within 90 days',
    ]);
    expect(
      codes([
        {
          kind: 'account-tag',
          action: 'tag',
          address: 'account/old-app@example.com',
          account: ACCOUNTS.old,
          tags: { set: { a: 'b' }, remove: [], before: {} },
        },
      ]),
    ).toEqual([]);
  });

  it('account-moved: leaving Suspended is medium and shows the guardrails it trades', () => {
    const desired = baseDesired();
    const moved = {
      ...desired,
      accounts: desired.accounts.map((a) =>
        a.name === 'old-app' ? { ...a, parentPath: '/Workloads/Dev' } : a,
      ),
    };
    const move = accountMove(ACCOUNTS.old, '/Suspended', '/Workloads/Dev');
    expect(risksOf([move], moved)).toEqual([
      {
        level: 'medium',
        code: 'account-moved',
        message:
          'account old-app (333333333333) moves /Suspended -> /Workloads/Dev (leaves a Suspended OU); inherited guardrails: - SCP deny-all',
        addresses: ['account/old-app@example.com'],
      },
    ]);
  });

  it('account-moved: entering production is medium, a sideways move is low', () => {
    const move = (fromPath: string, toPath: string): Change => accountMove(ACCOUNTS.dev, fromPath, toPath);
    expect(codes([move('/Workloads/Dev', '/Workloads/Prod')])).toEqual(['medium:account-moved']);
    expect(codes([move('/Workloads/Prod', '/Workloads/Dev')])).toEqual(['low:account-moved']);
    expect(risksOf([move('/Workloads/Prod', '/Workloads/Dev')])[0]?.message).toContain(
      'inherited guardrails: unchanged',
    );
  });
});

describe('quarantine', () => {
  it('quarantine-release: a release from quarantine is high, naming what it was held for', () => {
    const release = accountMove(ACCOUNTS.dev, '/Suspended', '/Workloads/Dev', {
      quarantine: {
        direction: 'release',
        reason: 'INC-42 closed',
        heldFor: 'INC-42 root login',
        quarantinedAt: '2026-11-30T10:15:00.000Z',
      },
    });
    expect(codes([release])).toContain('high:quarantine-release');
    expect(risksOf([release]).find((r) => r.code === 'quarantine-release')?.message).toBe(
      'account dev-app (222222222222) is released from quarantine /Suspended -> /Workloads/Dev (held since 2026-11-30T10:15:00.000Z for "INC-42 root login"): "INC-42 closed". Its guardrails and access come back; confirm the incident is closed.',
    );
    // Entering quarantine through config is containment, not a release.
    const enter: Change = {
      ...release,
      fromPath: '/Workloads/Dev',
      toPath: '/Suspended',
      quarantine: { direction: 'enter', reason: 'INC-43' },
    };
    expect(codes([enter])).not.toContain('high:quarantine-release');
  });
});

describe('risk order', () => {
  it('lists high before medium before low, keeping plan order within a level', () => {
    expect(
      codes([
        assignment('create', GROUPS.alice, 'ReadOnly', ACCOUNTS.dev),
        assignment('create', GROUPS.developers, 'Admin', ACCOUNTS.dev),
        attachment('detach', 'deny-leave-org', { kind: 'root' }),
      ]),
    ).toEqual(['high:guardrail-removed', 'medium:admin-access-gained', 'low:assignment-to-user']);
  });
});

describe('risk code coverage', () => {
  it('exercised every organization risk code (runs after the tests above)', () => {
    expect([...emitted].filter((c) => !ACCESS_RISK_CODES.includes(c)).sort()).toEqual(
      [...ORGANIZATION_RISK_CODES].sort(),
    );
  });
  it('splits the catalogue between the two risk test files', () => {
    expect([...ACCESS_RISK_CODES, ...ORGANIZATION_RISK_CODES].sort()).toEqual(Object.keys(RISK_CODES).sort());
  });
});
