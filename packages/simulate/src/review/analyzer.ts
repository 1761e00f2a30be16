import {
  type AnalysisInput,
  analyzePlan,
  buildContext,
  type PlanAnalysis,
  type ReviewAnalyzer,
  reviewContextOf,
} from '@orgops/engine';
import { guardrailEffects } from './guardrail-effects.ts';
import { loadManagedDocuments, managedArnsOf } from './managed-documents.ts';
import { possibleFor } from './possible.ts';
import { DEFAULT_MAX_REQUESTS, ReviewSession } from './session.ts';

export interface ReviewAnalyzerOptions {
  /** The most requests one review simulates (default {@link DEFAULT_MAX_REQUESTS}). */
  readonly maxRequests?: number;
}

/**
 * The review with the policy simulator: the engine's analysis (its escalation rule reading AWS
 * managed policy documents too), each access row told what becomes possible in each account with
 * its guardrails, and each guardrail change told who gains or loses which actions where.
 *
 * It reads only the plan's review context (it prunes what it is given first), so the review made
 * when planning equals the one recomputed from the saved plan. Inject it wherever a review is
 * computed: `plan` (`withReview`), `show` and `apply` (`loadPlan`), and the GitHub commands.
 *
 * @example
 * const analyze = createReviewAnalyzer();
 * const reviewed = await withReview(plan, analyze);
 */
export function createReviewAnalyzer(options: ReviewAnalyzerOptions = {}): ReviewAnalyzer {
  return (input) => analyzeWithSimulation(input, options);
}

export async function analyzeWithSimulation(
  input: AnalysisInput,
  options: ReviewAnalyzerOptions = {},
): Promise<PlanAnalysis> {
  const pruned = { changes: input.changes, ...reviewContextOf(input) };
  const docs = await loadManagedDocuments(managedArnsOf(pruned));
  const base = analyzePlan(pruned, { managedPolicyDocument: (arn) => docs.get(arn) });
  const ctx = buildContext(pruned);
  const session = new ReviewSession(
    pruned.snapshot.organization?.id,
    options.maxRequests ?? DEFAULT_MAX_REQUESTS,
  );

  // Past the budget a row is said to be unfinished, never shown as if nothing were possible.
  const budget = `not fully simulated: a review simulates at most ${options.maxRequests ?? DEFAULT_MAX_REQUESTS} requests`;
  const access: PlanAnalysis['access'][number][] = [];
  for (const row of base.access) {
    const possible = await possibleFor(ctx, session, docs, row);
    if (session.exhausted && row.effect !== 'loses') possible.push(budget);
    access.push(possible.length > 0 ? { ...row, possible } : row);
  }
  const guardrails: PlanAnalysis['guardrails'][number][] = [];
  for (const g of base.guardrails) {
    const items: (typeof g.items)[number][] = [];
    for (const item of g.items) {
      const effects = await guardrailEffects(ctx, session, docs, item);
      if (session.exhausted) effects.push(budget);
      items.push(effects.length > 0 ? { ...item, effects } : item);
    }
    guardrails.push({ ...g, items });
  }
  return { ...base, access, guardrails };
}
