import type { ReviewAnalyzer } from '@orgops/engine';
import { createReviewAnalyzer } from '@orgops/simulate';

/**
 * The one analyzer every review in the CLI is computed with: when planning (`plan`, `apply`
 * without a file, `drift`, `github apply`), and when a saved plan is loaded (`show`, `apply FILE`,
 * `github comment`, `github apply`'s artifacts). One analyzer everywhere is what makes the review
 * recomputed from a plan file equal the one made when planning. It runs the policy simulator
 * (`@orgops/simulate`, which brings the AGPL-licensed `@cloud-copilot/iam-simulate`).
 */
export const reviewAnalyzer: ReviewAnalyzer = createReviewAnalyzer();
