import { OrgopsError } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { describeQuarantineStep, planQuarantine, type QuarantineFacts } from './plan-quarantine.ts';

const NOW = new Date('2026-11-30T10:15:00.000Z');
const CALLER = 'arn:aws:sts::100000000000:assumed-role/orgops-apply/incident';

function facts(overrides: Partial<QuarantineFacts> = {}): QuarantineFacts {
  return {
    organizationId: 'o-test000001',
    managementAccountId: '100000000000',
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    account: {
      id: '200000000001',
      name: 'payments-prod',
      email: 'aws+payments-prod@example.com',
      state: 'ACTIVE',
      parentId: 'ou-test-prod0001',
      tags: { team: 'payments' },
    },
    quarantineOu: { path: '/Suspended', id: 'ou-test-susp0001' },
    guardrails: [
      { type: 'SERVICE_CONTROL_POLICY', name: 'deny-all', id: 'p-denyall01', attached: true },
      {
        type: 'RESOURCE_CONTROL_POLICY',
        name: 'deny-all-resource-access',
        id: 'p-denyres01',
        attached: false,
      },
    ],
    attachedCounts: { SERVICE_CONTROL_POLICY: 2, RESOURCE_CONTROL_POLICY: 1 },
    caller: CALLER,
    ...overrides,
  };
}

const refusal = (f: QuarantineFacts, reason = 'INC-42'): string => {
  try {
    planQuarantine(f, { reason, now: NOW });
  } catch (err) {
    expect(err).toBeInstanceOf(OrgopsError);
    return (err as OrgopsError).code;
  }
  throw new Error('planQuarantine accepted it');
};

describe('planQuarantine', () => {
  it('attaches a missing guardrail first, then moves and tags the account with who, when and why', () => {
    const plan = planQuarantine(facts(), { reason: 'INC-42: root login (203.0.113.7)', now: NOW });
    expect(plan.steps.map((s) => describeQuarantineStep(s, plan))).toEqual([
      'attach RCP deny-all-resource-access to /Suspended',
      'move payments-prod (200000000001) from ou-test-prod0001 to /Suspended',
      `tag payments-prod (200000000001): orgops:quarantine-reason=INC-42: root login 203.0.113.7, orgops:quarantined-at=2026-11-30T10:15:00.000Z, orgops:quarantined-by=${CALLER}, orgops:quarantined-from=ou-test-prod0001`,
    ]);
    expect(plan.already).toEqual(['SCP deny-all is attached to /Suspended']);
    expect(plan.entry).toEqual({
      reason: 'INC-42: root login (203.0.113.7)',
      at: '2026-11-30T10:15:00.000Z',
      by: CALLER,
    });
    expect(plan.sanitizedReason).toBe('INC-42: root login 203.0.113.7');
    expect(plan.wasQuarantined).toBe(false);
  });

  it('changes nothing the second time and keeps the first record', () => {
    const first = planQuarantine(facts(), { reason: 'INC-42', now: NOW });
    const tags = first.steps.find((s) => s.kind === 'tag-account')!;
    const again = planQuarantine(
      facts({
        account: {
          ...facts().account,
          parentId: 'ou-test-susp0001',
          tags: { team: 'payments', ...(tags.kind === 'tag-account' ? tags.tags : {}) },
        },
        guardrails: facts().guardrails.map((g) => ({ ...g, attached: true })),
      }),
      { reason: 'a different reason', now: new Date('2026-12-01T00:00:00Z') },
    );
    expect(again.steps).toEqual([]);
    expect(again.wasQuarantined).toBe(true);
    expect(again.entry).toEqual(first.entry);
    expect(again.already).toEqual([
      'SCP deny-all is attached to /Suspended',
      'RCP deny-all-resource-access is attached to /Suspended',
      'payments-prod (200000000001) is in /Suspended',
      'payments-prod (200000000001) carries the quarantine record of 2026-11-30T10:15:00.000Z (INC-42)',
    ]);
  });

  it('only tags an account someone already moved into the OU by hand, claiming no origin', () => {
    const plan = planQuarantine(facts({ account: { ...facts().account, parentId: 'ou-test-susp0001' } }), {
      reason: 'INC-42',
      now: NOW,
    });
    expect(plan.steps.map((s) => s.kind)).toEqual(['attach-guardrail', 'tag-account']);
    const tag = plan.steps.at(-1);
    expect(tag?.kind === 'tag-account' && Object.keys(tag.tags)).not.toContain('orgops:quarantined-from');
  });

  it('refuses the management account, closed accounts, wordless reasons, and an organization the config was never applied to', () => {
    expect(refusal(facts({ account: { ...facts().account, id: '100000000000' } }))).toBe(
      'quarantine-management-account',
    );
    expect(refusal(facts({ account: { ...facts().account, state: 'SUSPENDED' } }))).toBe(
      'quarantine-account-not-active',
    );
    expect(refusal(facts(), '  ?! ')).toBe('quarantine-reason-empty');
    expect(refusal(facts({ quarantineOu: { path: '/Suspended' } }))).toBe('quarantine-ou-missing');
    expect(
      refusal(facts({ guardrails: [{ type: 'SERVICE_CONTROL_POLICY', name: 'deny-all', attached: false }] })),
    ).toBe('quarantine-guardrail-missing');
    expect(refusal(facts({ enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'] }))).toBe(
      'quarantine-policy-type-disabled',
    );
    expect(refusal(facts({ attachedCounts: { RESOURCE_CONTROL_POLICY: 5 } }))).toBe(
      'quarantine-guardrail-over-limit',
    );
  });
});
