import { type Change, changesOf, type PhaseName } from '@orgops/engine';
import { FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { converge, planFor } from './e2e-helpers.ts';
import { handPlan } from './hand-plan.ts';
import { SCP, sandbox } from './helpers.ts';
import { refusalsOf, rehearse } from './rehearse-helpers.ts';
import { deny, orgOf } from './truth-helpers.ts';

describe('rehearsal catches an ordering AWS refuses', () => {
  it('detaching the last SCP from a target before its replacement is attached', async () => {
    const live = sandbox();
    const root = organizationRoot({ policies: [FullAWSAccess] });
    const before = orgOf({ root, ous: [organizationalUnit('Apps', { parent: root })] });
    await converge(live, before);

    // The config swaps FullAWSAccess on Apps for a deny-list policy.
    const guard = deny('guard', 'organizations:LeaveOrganization');
    const config = orgOf({
      root,
      ous: [organizationalUnit('Apps', { parent: root, policies: [guard] })],
      policies: [guard],
    });
    const planned = await planFor(live, config);
    const swap = changesOf(planned).filter((c) => c.kind === 'policy-attachment');
    // The planner attaches first, and that order rehearses cleanly.
    expect(swap.map((c) => `${c.action} ${c.address}`)).toEqual([
      `attach attachment/${SCP}/guard@/Apps`,
      `detach attachment/${SCP}/FullAWSAccess@/Apps`,
    ]);
    expect((await rehearse(live, planned, config)).rehearsal.outcome).toBe('converges');

    // The same changes in the order AWS refuses, as a planner bug would make them.
    const create = changesOf(planned).find((c) => c.kind === 'policy-create');
    if (!create) throw new Error('the plan creates the policy');
    const reversed = await handPlan(live, [
      ['write-policies', create],
      ...[...swap].reverse().map((c): [PhaseName, Change] => ['attachments', c]),
    ]);
    const { rehearsal } = await rehearse(live, reversed, config);
    expect(rehearsal.outcome).toBe('refused');
    expect(refusalsOf(rehearsal)).toEqual([
      {
        address: `attachment/${SCP}/FullAWSAccess@/Apps`,
        code: 'ConstraintViolationException',
        reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        operation: 'organizations:DetachPolicy',
      },
    ]);
    expect(rehearsal.refusals[0]?.fix).toMatch(/attach the replacement .* before this one is detached/);
    // The policy is created and attached; only the detach is refused.
    expect(rehearsal.applied).toBe(2);
  });
});
