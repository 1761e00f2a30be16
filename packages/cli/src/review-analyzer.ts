import { analyzePlan, type ReviewAnalyzer, reviewContextOf } from '@orgops/engine';

/**
 * The one analyzer every review in the CLI is computed with: when planning (`plan`, `apply`
 * without a file, `drift`, `github apply`), and when a saved plan is loaded (`show`, `apply FILE`,
 * `github comment`, `github apply`'s artifacts). One analyzer everywhere is what makes the review
 * recomputed from a plan file equal the one made when planning. It runs the policy simulator
 * (`@orgops/simulate`, which brings the AGPL-licensed `@cloud-copilot/iam-simulate`).
 */
let simulated: Promise<ReviewAnalyzer> | undefined;

export const reviewAnalyzer: ReviewAnalyzer = async (input) => {
  // Nothing to simulate in a plan without changes (the common `plan` and `drift`): the simulator
  // and its catalogues (about a second to load) are loaded only when a review has changes. The
  // engine's review of the pruned context is what the simulator's starts from.
  if (input.changes.length === 0) return analyzePlan({ changes: input.changes, ...reviewContextOf(input) });
  simulated ??= import('@orgops/simulate').then((m) => m.createReviewAnalyzer());
  return (await simulated)(input);
};
