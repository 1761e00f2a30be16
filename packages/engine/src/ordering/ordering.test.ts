import { LIMITS } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { EVERY_KIND } from '../plan-file/plans.test-support.ts';
import { IDENTITY_CENTER_GATES, LANE_LIMITS, LANE_OF_KIND } from './concurrency.ts';
import { KIND_PHASES } from './kind-phases.ts';
import { PHASE_RULES, type PhaseRule } from './phase-rules.ts';
import { PHASES, type PhaseName, phaseRank } from './phases.ts';
import { permissionSetPolicySwaps, sequencePolicySwaps } from './policy-swaps.ts';
import { mustPrecede, placedChanges } from './precedence.ts';
import { QUARANTINE_STEP_ORDER } from './quarantine-steps.ts';
import { orderWithinPhase, serialKeyOf, WITHIN_PHASE, wavesOf } from './within-phase.ts';

/** The rules an order of phases breaks. */
function broken(order: readonly PhaseName[], rules: readonly PhaseRule[]): string[] {
  const rank = (p: PhaseName) => order.indexOf(p);
  return rules.filter((r) => r.first.some((f) => r.later.some((l) => rank(f) >= rank(l)))).map((r) => r.id);
}

describe('phase rules', () => {
  it.each(PHASE_RULES.map((r) => [r.id, r] as const))('PHASES keeps %s', (_id, rule) => {
    expect(broken(PHASES, [rule])).toEqual([]);
    expect(rule.aws.length).toBeGreaterThan(20);
    expect(rule.fact).toMatch(/aws-facts\.md §|DESIGN\.md|orgops's own order/);
  });

  it('names the rule an order breaks', () => {
    const swapped = PHASES.map((p) =>
      p === 'delete-assignments'
        ? 'delete-permission-sets'
        : p === 'delete-permission-sets'
          ? 'delete-assignments'
          : p,
    );
    expect(broken(swapped, PHASE_RULES)).toEqual(['assignments-before-permission-set-delete']);
  });

  it('has unique ids and every phase in some rule', () => {
    expect(new Set(PHASE_RULES.map((r) => r.id)).size).toBe(PHASE_RULES.length);
    const named = new Set(PHASE_RULES.flatMap((r) => [...r.first, ...r.later]));
    expect(PHASES.filter((p) => !named.has(p))).toEqual([]);
    expect(phaseRank('enable-services')).toBe(0);
    expect(phaseRank('disable-services')).toBe(PHASES.length - 1);
  });
});

describe('kinds and phases', () => {
  it("puts every kind's example in one of its kind's phases", () => {
    for (const [kind, [phase]] of Object.entries(EVERY_KIND))
      expect(KIND_PHASES[kind as keyof typeof KIND_PHASES] as readonly string[]).toContain(phase);
  });
});

const attachment = (action: 'attach' | 'detach', policyName: string, path = '/Prod'): Change => ({
  kind: 'policy-attachment',
  action,
  policyType: 'SERVICE_CONTROL_POLICY',
  policyName,
  target: { kind: 'ou', path },
  address: `attachment/${policyName}/${path}`,
});

describe('policy swaps on one target', () => {
  it('attaches the new SCP before detaching the last one (minimum 1)', () => {
    expect(
      sequencePolicySwaps({ attach: ['New'], detach: ['FullAWSAccess'], count: 1, min: 1, max: 10 }),
    ).toEqual({
      steps: [
        { action: 'attach', key: 'New' },
        { action: 'detach', key: 'FullAWSAccess' },
      ],
      complete: true,
    });
  });

  it('detaches first at the cap', () => {
    expect(sequencePolicySwaps({ attach: ['K'], detach: ['A'], count: 10, min: 1, max: 10 }).steps).toEqual([
      { action: 'detach', key: 'A' },
      { action: 'attach', key: 'K' },
    ]);
  });

  it('says so when no order of single calls gets there', () => {
    // At the cap with nothing to detach: one more attach would exceed the maximum.
    expect(sequencePolicySwaps({ attach: ['K'], detach: [], count: 10, min: 1, max: 10 })).toEqual({
      steps: [],
      complete: false,
    });
  });

  it("detaches a permission set's policies before attaching (no minimum, 25 at most)", () => {
    expect(permissionSetPolicySwaps(['a', 'b'], ['b', 'c'])).toEqual([
      { action: 'detach', key: 'a' },
      { action: 'attach', key: 'c' },
    ]);
  });
});

describe('within a phase', () => {
  it('deregisters the old delegated administrator before registering the new', () => {
    const da = (action: 'register' | 'deregister', email: string): Change => ({
      kind: 'delegated-admin',
      action,
      servicePrincipal: 'guardduty.amazonaws.com',
      account: { email, name: email },
      address: `delegated-admin/guardduty.amazonaws.com/${email}`,
    });
    const ordered = orderWithinPhase('delegate', [da('register', 'a@x.com'), da('deregister', 'b@x.com')]);
    expect(ordered.map((c) => c.action)).toEqual(['deregister', 'register']);
  });

  it('keeps the order the diff functions set and sorts the independent phases', () => {
    const changes = [attachment('attach', 'B'), attachment('detach', 'A')];
    expect(orderWithinPhase('attachments', changes)).toEqual(changes);
    expect(orderWithinPhase('delete-policies', changes).map((c) => c.address)).toEqual([
      'attachment/A//Prod',
      'attachment/B//Prod',
    ]);
  });

  it('runs the serial phases one change per wave and the others together', () => {
    const changes = [attachment('attach', 'B'), attachment('detach', 'A')];
    for (const phase of PHASES)
      expect(wavesOf(phase, changes)).toHaveLength(WITHIN_PHASE[phase].serial ? 2 : 1);
    expect(PHASES.filter((p) => WITHIN_PHASE[p].serial)).toEqual([
      'create-ous',
      'write-policies',
      'delete-ous',
    ]);
  });

  it("keys a target's attachments together", () => {
    expect(serialKeyOf(attachment('attach', 'A'))).toBe(serialKeyOf(attachment('detach', 'B')));
    expect(serialKeyOf(attachment('attach', 'A'))).not.toBe(serialKeyOf(attachment('attach', 'A', '/Dev')));
  });
});

describe('mustPrecede', () => {
  const plan = {
    phases: [
      { name: 'create-ous' as const, changes: [attachment('attach', 'X'), attachment('attach', 'Y')] },
      {
        name: 'attachments' as const,
        changes: [attachment('attach', 'A'), attachment('detach', 'B'), attachment('attach', 'C', '/Dev')],
      },
    ],
  };
  const [o1, o2, a, b, c] = placedChanges(plan);

  it('orders every phase before the next', () => {
    expect(mustPrecede(o2!, a!)).toBe(true);
    expect(mustPrecede(a!, o2!)).toBe(false);
  });

  it('orders a serial phase in plan order', () => {
    expect(mustPrecede(o1!, o2!)).toBe(true);
    expect(mustPrecede(o2!, o1!)).toBe(false);
  });

  it("orders one target's attachments and leaves other targets free", () => {
    expect(mustPrecede(a!, b!)).toBe(true);
    expect(mustPrecede(a!, c!)).toBe(false);
    expect(mustPrecede(c!, b!)).toBe(false);
  });
});

describe('concurrency', () => {
  it("comes from AWS's limits table", () => {
    expect(LANE_LIMITS['account-create']).toBe(LIMITS.organizations.maxConcurrentCreateAccount);
    expect(LANE_LIMITS['account-close']).toBe(LIMITS.organizations.maxConcurrentCloseAccount);
    expect(IDENTITY_CENTER_GATES.outstandingAssignments).toBe(15);
    expect(IDENTITY_CENTER_GATES.concurrentProvisioning).toBe(3);
    expect(LANE_OF_KIND['account-create']).toBe('account-create');
    expect(LANE_OF_KIND['ou-create']).toBe('default');
  });
});

describe('quarantine', () => {
  it('attaches the guardrails, then moves, then records', () => {
    expect(QUARANTINE_STEP_ORDER).toEqual(['attach-guardrail', 'move-account', 'tag-account']);
  });
});
