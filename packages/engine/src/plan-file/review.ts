import type { AnalysisInput } from '../analysis/analysis-context.ts';
import type { PlanAnalysis } from '../analysis/types.ts';
import { changesOf, type Plan } from '../plan.ts';
import { summarize } from './seal.ts';

/**
 * Computes the review of a plan's changes from its review context. `analyzePlan` is one (pure,
 * synchronous); the CLI injects one that also runs the policy simulator, which is asynchronous.
 * Whatever makes a plan's review must also recompute it on load ({@link loadPlan}), or the two
 * differ.
 */
export type ReviewAnalyzer = (input: AnalysisInput) => PlanAnalysis | Promise<PlanAnalysis>;

/**
 * The plan with its review recomputed by `analyze` from its own changes and review context. The
 * review is not covered by the integrity digests (it is always derived), so the plan stays sealed.
 */
export async function withReview(plan: Plan, analyze: ReviewAnalyzer): Promise<Plan> {
  const changes = changesOf(plan);
  const analysis = await analyze({ changes, ...plan.reviewContext });
  return {
    ...plan,
    analysis: JSON.parse(JSON.stringify(analysis)) as PlanAnalysis,
    summary: summarize(changes),
  };
}
