import { changesOf, loadPlan, reviewContextOf, serializePlan, withReview } from '@orgops/engine';
import type { SandboxBackend } from '@orgops/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithSimulation, createReviewAnalyzer } from '../../src/index.ts';
import { appliedSandbox, BREAK_GLASS, organization, planned, SSO_ROLES } from './org.ts';

let sb: SandboxBackend;
beforeAll(async () => {
  sb = await appliedSandbox();
}, 60_000);

const ESCALATE = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    { Sid: 'Assume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
  ],
};

describe('the review with the simulator', () => {
  it('says what an escalation makes possible in each account, with its guardrails', async () => {
    const { desired, snapshot, changes } = await planned(sb, organization({ readOnlyInline: ESCALATE }));
    const analysis = await analyzeWithSimulation({ changes, desired, snapshot });
    expect(analysis.risks.map((r) => `${r.level}:${r.code}`)).toEqual(['high:privilege-escalation']);
    const row = analysis.access.find((r) => r.permissionSet === 'ReadOnly');
    expect(row?.effect).toBe('changed');
    expect(row?.possible).toEqual([
      'can now change IAM (iam:PutRolePolicy) in 3 accounts',
      'can now rewrite customer managed policies (iam:CreatePolicyVersion) in 3 accounts',
      'can now pass any role to a service (iam:PassRole) in 3 accounts',
      'can now assume any role that trusts the account (sts:AssumeRole) in 3 accounts',
    ]);
  });

  it('says who an exemption lets through: the roles that match, not the pattern', async () => {
    const widened = await planned(sb, organization({ trailExempt: [BREAK_GLASS, SSO_ROLES] }));
    const analysis = await analyzeWithSimulation(widened);
    expect(analysis.risks.map((r) => `${r.level}:${r.code}`)).toEqual(['high:guardrail-exemption-widened']);
    expect(analysis.guardrails[0]?.items[0]?.effects).toEqual([
      'Admin (group platform-admins) can now cloudtrail:StopLogging, cloudtrail:DeleteTrail in 2 accounts',
    ]);
    // The pattern the issue quotes misses Identity Center's roles: the simulator shows nobody passes.
    const lookAlike = await planned(
      sb,
      organization({ trailExempt: [BREAK_GLASS, 'arn:aws:iam::*:role/AWSReservedSSO_*'] }),
    );
    const quoted = await analyzeWithSimulation(lookAlike);
    expect(quoted.risks.map((r) => `${r.level}:${r.code}`)).toEqual(['high:guardrail-exemption-widened']);
    expect(quoted.guardrails[0]?.items[0]?.effects).toEqual([
      'no permission set held there gains or loses any of cloudtrail:StopLogging, cloudtrail:DeleteTrail (simulated for Admin, ReadOnly)',
    ]);
  });

  it('says who gains what a detached guardrail denied', async () => {
    const detached = await planned(sb, organization({ detachLeave: true }));
    const analysis = await analyzeWithSimulation(detached);
    expect(analysis.guardrails[0]?.items[0]?.effects).toEqual([
      'Admin (group platform-admins) can now organizations:LeaveOrganization in 2 accounts',
    ]);
  });

  it('gives the same review recomputed from the saved plan as when planning', async () => {
    const analyze = createReviewAnalyzer();
    for (const variant of [
      { readOnlyInline: ESCALATE },
      { trailExempt: [BREAK_GLASS, SSO_ROLES] },
      { detachLeave: true, readOnlyManaged: ['arn:aws:iam::aws:policy/IAMFullAccess'] },
    ]) {
      const made = await planned(sb, organization(variant));
      const full = await analyze({ changes: made.changes, desired: made.desired, snapshot: made.snapshot });
      const reviewed = await withReview(made.plan, analyze);
      expect(reviewed.analysis).toEqual(JSON.parse(JSON.stringify(full)));
      const loaded = await loadPlan(serializePlan({ ...reviewed }), 'plan.json', '0.0.0-test', analyze);
      expect(loaded.ok && loaded.value.analysis).toEqual(reviewed.analysis);
      expect(loaded.warnings).toEqual([]);
      // And the pruned context alone gives it too.
      const context = reviewContextOf({
        changes: changesOf(made.plan),
        desired: made.desired,
        snapshot: made.snapshot,
      });
      expect(await analyze({ changes: changesOf(made.plan), ...context })).toEqual(full);
    }
  });
});
