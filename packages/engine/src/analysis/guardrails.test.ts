import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import {
  ACCOUNTS,
  attachment,
  baseDesired,
  baseSnapshot,
  DENY_LEAVE,
  DENY_LEAVE_AND_TRAIL,
  policyUpdate,
} from '../testing/index.ts';
import { analyzePlan } from './analyze.ts';

const analyze = (changes: readonly Change[]) =>
  analyzePlan({ changes, desired: baseDesired(), snapshot: baseSnapshot() });

describe('guardrail analysis', () => {
  it('lists attachments and detachments per target with the accounts below it', () => {
    const { guardrails } = analyze([
      attachment('attach', 'deny-leave-org', { kind: 'ou', path: '/Workloads' }),
      attachment('detach', 'deny-all', { kind: 'ou', path: '/Suspended' }),
      attachment('attach', 'deny-all', { kind: 'account', account: ACCOUNTS.old }),
    ]);
    expect(guardrails).toEqual([
      {
        target: '/Suspended',
        targetKind: 'ou',
        accountsAffected: 1,
        items: [
          {
            effect: 'removed',
            policyType: 'SERVICE_CONTROL_POLICY',
            policyName: 'deny-all',
            summary: 'SCP, 1 statement: Deny *',
            addresses: ['attachment/SERVICE_CONTROL_POLICY/deny-all@/Suspended'],
          },
        ],
      },
      {
        target: '/Workloads',
        targetKind: 'ou',
        accountsAffected: 2,
        items: [
          {
            effect: 'added',
            policyType: 'SERVICE_CONTROL_POLICY',
            policyName: 'deny-leave-org',
            summary: 'SCP, 1 statement: Deny organizations:LeaveOrganization',
            addresses: ['attachment/SERVICE_CONTROL_POLICY/deny-leave-org@/Workloads'],
          },
        ],
      },
      {
        target: 'old-app (333333333333)',
        targetKind: 'account',
        accountsAffected: 1,
        items: [
          {
            effect: 'added',
            policyType: 'SERVICE_CONTROL_POLICY',
            policyName: 'deny-all',
            summary: 'SCP, 1 statement: Deny *',
            addresses: ['attachment/SERVICE_CONTROL_POLICY/deny-all@account:old-app@example.com'],
          },
        ],
      },
    ]);
  });

  it('lists a content update on every target the policy is attached to', () => {
    const { guardrails } = analyze([
      policyUpdate({ content: { before: DENY_LEAVE, after: DENY_LEAVE_AND_TRAIL } }),
    ]);
    expect(guardrails).toEqual([
      {
        target: '/',
        targetKind: 'root',
        accountsAffected: 3,
        items: [
          {
            effect: 'changed',
            policyType: 'SERVICE_CONTROL_POLICY',
            policyName: 'deny-leave-org',
            summary: '+1 statement (Deny cloudtrail:StopLogging, cloudtrail:DeleteTrail)',
            addresses: ['policy/SERVICE_CONTROL_POLICY/deny-leave-org'],
          },
        ],
      },
    ]);
  });

  it('does not list a content update where the policy is detached in the same plan', () => {
    const { guardrails } = analyze([
      policyUpdate({ content: { before: DENY_LEAVE, after: DENY_LEAVE_AND_TRAIL } }),
      attachment('detach', 'deny-leave-org', { kind: 'root' }),
    ]);
    expect(guardrails.flatMap((g) => g.items.map((i) => [g.target, i.effect]))).toEqual([['/', 'removed']]);
  });

  it('ignores updates that do not touch the content', () => {
    const { guardrails } = analyze([policyUpdate({ description: { before: 'a', after: 'b' } })]);
    expect(guardrails).toEqual([]);
  });

  it('summarises non-IAM policy types by their top-level keys and FullAWSAccess by name', () => {
    const desired = baseDesired();
    const withTagPolicy = {
      ...desired,
      policies: [
        ...desired.policies,
        {
          type: 'TAG_POLICY',
          name: 'cost-center',
          description: '',
          content: '{"tags":{"CostCenter":{"tag_key":{"@@assign":"CostCenter"}}}}',
          tags: {},
        },
      ],
    };
    const { guardrails } = analyzePlan({
      desired: withTagPolicy,
      snapshot: baseSnapshot(),
      changes: [
        attachment('attach', 'cost-center', { kind: 'root' }, 'TAG_POLICY'),
        attachment('detach', 'FullAWSAccess', { kind: 'ou', path: '/Workloads' }),
      ],
    });
    expect(guardrails.flatMap((g) => g.items.map((i) => i.summary))).toEqual([
      'tag policy: tags (CostCenter)',
      'SCP, AWS default: allows every action',
    ]);
  });
});
