import type { Action } from './change.ts';
import type { PhaseName, Plan } from './plan.ts';

/**
 * What happened when a plan was rehearsed: applied, with the real applier, to a twin of the
 * organization (an in-memory sandbox seeded from the snapshot the plan was made against, with
 * AWS's rules), then planned again against the twin. It travels inside the saved plan, covered by
 * the integrity digests and bound to the changes by their digest, so a review can only show a
 * rehearsal of exactly the changes it reviews, and only when one ran.
 */
export interface PlanRehearsal {
  /** `changesDigest` of the changes rehearsed; loading refuses a rehearsal of other changes. */
  readonly changesDigest: string;
  readonly outcome: RehearsalOutcome;
  /** Changes carried out on the twin. */
  readonly applied: number;
  /** Changes the applier left out with a note (an account that is already closed, …). */
  readonly skipped: number;
  /** Changes not rehearsed because a change they depend on was refused. */
  readonly notRehearsed: number;
  /** Every change the twin refused, as AWS would, in plan order. */
  readonly refusals: readonly RehearsalRefusal[];
  /** What the second plan against the twin still found to do, or refused; empty when it converges. */
  readonly leftOver: readonly RehearsalLeftOver[];
  /** What the twin assumed where the snapshot is silent, worded for the review. */
  readonly assumptions: readonly string[];
}

/**
 * `converges`: every change applied and a second plan is empty. `refused`: AWS would refuse at
 * least one change. `does-not-converge`: everything applied, yet a second plan is not empty.
 */
export type RehearsalOutcome = 'converges' | 'refused' | 'does-not-converge';

export interface RehearsalRefusal {
  readonly phase: PhaseName;
  readonly address: string;
  readonly action: Action;
  /** `service:Operation` of the call AWS would refuse, when known. */
  readonly operation?: string;
  /**
   * AWS's exception name (`ConstraintViolationException`); for a request AWS accepted and then
   * failed, its failure reason when that is a code (`ACCOUNT_LIMIT_EXCEEDED`), else its status,
   * `FAILED` (the reason is then in `message`).
   */
  readonly code: string;
  /** AWS's `Reason` (`MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED`), when it gives one. */
  readonly reason?: string;
  readonly message: string;
  /** What to change so the plan avoids it. */
  readonly fix: string;
}

export interface RehearsalLeftOver {
  /** The left-over change's address, or the config path of what the second plan refused. */
  readonly address: string;
  /** The left-over change's action, or `refused` when the second plan refused something. */
  readonly action: Action | 'refused';
  /** The refusal's code and message (`refused` only). */
  readonly message?: string;
}

/** True when the rehearsal found something that must block the plan (exit code 3, a failed review). */
export function rehearsalBlocks(plan: Pick<Plan, 'rehearsal'>): boolean {
  return plan.rehearsal !== undefined && plan.rehearsal.outcome !== 'converges';
}
