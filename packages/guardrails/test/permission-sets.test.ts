import { sessionSeconds } from '@orgops/model';
import { policyActions as actionsOf, policyStatements as statements } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import {
  AWS_MANAGED_POLICIES,
  billing,
  developer,
  INCIDENT_CONTAINMENT_POLICY,
  incidentResponder,
  platformAdmin,
  readOnly,
  securityAudit,
} from '../src/index.ts';

const hours = (duration: string | undefined) => (sessionSeconds(duration ?? 'PT1H') ?? Number.NaN) / 3600;

describe('readOnly', () => {
  it('is metadata-only by default and reads data only when asked', () => {
    expect(readOnly().managedPolicies).toEqual([AWS_MANAGED_POLICIES.ViewOnlyAccess]);
    expect(readOnly({ includeData: true }).managedPolicies).toEqual([AWS_MANAGED_POLICIES.ReadOnlyAccess]);
    expect(readOnly().inlinePolicy).toBeUndefined();
  });
});

describe('developer', () => {
  const ps = developer();
  it('builds on PowerUserAccess', () => {
    expect(ps.managedPolicies).toEqual([AWS_MANAGED_POLICIES.PowerUserAccess]);
  });
  it('adds no IAM write beyond PassRole, and PassRole only on the application path', () => {
    const iamActions = actionsOf(ps.inlinePolicy).filter((a) => a.startsWith('iam:'));
    expect(iamActions.filter((a) => !/^iam:(Get\*|List\*|PassRole)$/.test(a))).toEqual([]);
    const passRole = statements(ps.inlinePolicy).find((s) => s.Action === 'iam:PassRole');
    expect(passRole?.Resource).toBe('arn:aws:iam::*:role/app/*');
  });
  it('takes another path, or none', () => {
    const data = developer({ passRolePath: 'data/pipelines/' });
    expect(statements(data.inlinePolicy).find((s) => s.Action === 'iam:PassRole')?.Resource).toBe(
      'arn:aws:iam::*:role/data/pipelines/*',
    );
    expect(actionsOf(developer({ passRolePath: false }).inlinePolicy)).not.toContain('iam:PassRole');
  });
  it('rejects a path that would widen PassRole', () => {
    for (const bad of ['', '/', '*', 'app', '/app/']) {
      expect(() => developer({ passRolePath: bad })).toThrow(
        expect.objectContaining({ code: 'guardrail-options-invalid' }),
      );
    }
  });
  it('never grants iam:*', () => {
    expect(actionsOf(ps.inlinePolicy)).not.toContain('iam:*');
  });
});

describe('platformAdmin', () => {
  it('is AdministratorAccess with one-hour sessions', () => {
    const ps = platformAdmin();
    expect(ps.managedPolicies).toEqual([AWS_MANAGED_POLICIES.AdministratorAccess]);
    expect(ps.sessionDuration).toBe('PT1H');
  });
});

describe('securityAudit', () => {
  it('is SecurityAudit plus ViewOnlyAccess, no inline grants', () => {
    const ps = securityAudit();
    expect([...(ps.managedPolicies ?? [])].sort()).toEqual(
      [AWS_MANAGED_POLICIES.SecurityAudit, AWS_MANAGED_POLICIES.ViewOnlyAccess].sort(),
    );
    expect(ps.inlinePolicy).toBeUndefined();
  });
});

describe('incidentResponder', () => {
  const ps = incidentResponder();
  it('has a session between one and two hours', () => {
    expect(hours(ps.sessionDuration)).toBeGreaterThanOrEqual(1);
    expect(hours(ps.sessionDuration)).toBeLessThanOrEqual(2);
  });
  it('can contain: isolate network interfaces, revoke keys, block public S3, triage findings', () => {
    const actions = actionsOf(ps.inlinePolicy);
    for (const a of [
      'ec2:ModifyNetworkInterfaceAttribute',
      'ec2:CreateSecurityGroup',
      'iam:UpdateAccessKey',
      'iam:AttachRolePolicy',
      's3:PutBucketPublicAccessBlock',
      'guardduty:UpdateFindingsFeedback',
      'securityhub:BatchUpdateFindings',
    ]) {
      expect(actions).toContain(a);
    }
  });
  it('holds nothing beyond containment (audit issue 7, item 6)', () => {
    // Instance attributes include user data (code run as root at the next boot); the account-level
    // Block Public Access call also clears it; archiving a finding hides it.
    const actions = actionsOf(ps.inlinePolicy);
    for (const a of [
      'ec2:ModifyInstanceAttribute',
      's3:PutAccountPublicAccessBlock',
      'guardduty:ArchiveFindings',
    ]) {
      expect(actions).not.toContain(a);
    }
  });
  it('can attach AWSDenyAll and nothing else', () => {
    const attach = statements(INCIDENT_CONTAINMENT_POLICY).filter(
      (s) => s.Effect === 'Allow' && actionsOf({ Statement: [s] }).some((a) => /^iam:(Attach|Put)/.test(a)),
    );
    expect(attach).toHaveLength(1);
    expect(attach[0]?.Condition).toEqual({ ArnEquals: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll } });
  });
  it('can neither delete, create credentials, nor use wildcards', () => {
    const actions = actionsOf(ps.inlinePolicy);
    expect(
      actions.filter((a) =>
        /:(Delete(?!LoginProfile)|Create(AccessKey|User|LoginProfile|Role|Policy)|Put\w*Policy$)/.test(a),
      ),
    ).toEqual([]);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });
  it('tags only what it creates', () => {
    const tag = statements(INCIDENT_CONTAINMENT_POLICY).find((s) => s.Action === 'ec2:CreateTags');
    expect(tag?.Condition?.StringEquals?.['ec2:CreateAction']).toBeDefined();
  });
});

describe('billing', () => {
  it('is the Billing job function', () => {
    expect(billing().managedPolicies).toEqual([AWS_MANAGED_POLICIES.Billing]);
  });
});

describe('overrides', () => {
  it('name, description, session and tags are the caller’s to choose', () => {
    const ps = platformAdmin({
      name: 'Admin',
      description: 'd',
      sessionDuration: 'PT2H',
      tags: { team: 'platform' },
    });
    expect(ps).toMatchObject({
      name: 'Admin',
      description: 'd',
      sessionDuration: 'PT2H',
      tags: { team: 'platform' },
    });
  });
  it('records where the caller built it, not this library', () => {
    expect(platformAdmin().site?.file).toMatch(/permission-sets\.test\.ts$/);
  });
});
