import { OrgopsError } from '@orgops/model';
import type { AnalysisInput } from '../analysis/analysis-context.ts';
import { type ReviewDesired, type ReviewSnapshot, reviewContextOf } from '../analysis/review-context.ts';
import type { PlanAnalysis } from '../analysis/types.ts';
import type { Change } from '../change.ts';
import { changesOf, PLAN_FORMAT_VERSION, type Plan, type PlanSummary } from '../plan.ts';
import type { PlanRehearsal } from '../rehearsal.ts';
import { changesDigest } from './changes-digest.ts';
import { planIntegrity, type Sealable } from './integrity.ts';

/** The parts of a plan the planner decides; {@link sealPlan} derives the rest. */
export type PlanDraft = Pick<
  Plan,
  'toolVersion' | 'limitsVersion' | 'createdAt' | 'target' | 'phases' | 'observed' | 'warnings'
>;

export const EMPTY_ANALYSIS: PlanAnalysis = { access: [], guardrails: [], risks: [] };

/**
 * Completes a plan: the review context pruned from config and snapshot, the review (when an
 * analyzer is given), the summary and the integrity digests. Everything goes through JSON first,
 * so the plan in memory is exactly what a saved file holds and loading it gives the same review.
 */
export function sealPlan(
  facts: {
    readonly desired: ReviewDesired;
    readonly snapshot: ReviewSnapshot;
    readonly analyze?: ((input: AnalysisInput) => PlanAnalysis) | undefined;
  },
  draft: PlanDraft,
): Plan {
  const data = jsonCopy(draft);
  const changes = changesOf(data);
  const reviewContext = jsonCopy(
    reviewContextOf({ changes, desired: facts.desired, snapshot: facts.snapshot }),
  );
  const sealable: Sealable = { formatVersion: PLAN_FORMAT_VERSION, ...data, reviewContext };
  return {
    ...sealable,
    analysis: facts.analyze ? jsonCopy(facts.analyze({ changes, ...reviewContext })) : EMPTY_ANALYSIS,
    summary: summarize(changes),
    integrity: planIntegrity(sealable),
  };
}

/**
 * The plan with its rehearsal, resealed so the digests cover it. The rehearsal must be of exactly
 * the plan's changes: anything else is a bug in the caller, never something to save.
 */
export function withRehearsal(plan: Plan, rehearsal: PlanRehearsal): Plan {
  const digest = changesDigest(changesOf(plan));
  if (rehearsal.changesDigest !== digest)
    throw new OrgopsError(
      'rehearsal-of-other-changes',
      `The rehearsal is of changes ${rehearsal.changesDigest}, not of this plan's ${digest}.`,
      'internal',
    );
  const { integrity: _integrity, analysis, summary, ...rest } = plan;
  const sealable: Sealable = { ...rest, rehearsal: jsonCopy(rehearsal) };
  return { ...sealable, analysis, summary, integrity: planIntegrity(sealable) };
}

export function summarize(changes: readonly Change[]): PlanSummary {
  const byAction: Partial<Record<Change['action'], number>> = {};
  for (const c of changes) byAction[c.action] = (byAction[c.action] ?? 0) + 1;
  return { total: changes.length, byAction };
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
