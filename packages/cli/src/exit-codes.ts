/** Terraform's `-detailed-exitcode` convention, so CI can branch on the result. */
export const EXIT = {
  /** Success, and nothing to change. */
  ok: 0,
  /** Something went wrong: bad config, AWS error, stale plan. */
  error: 1,
  /** Success, and there are changes (plan) or drift (drift). */
  changes: 2,
  /**
   * `plan --rehearse` (and `github comment` of a rehearsed plan): AWS would refuse part of the
   * plan, or it does not converge. Distinct from 2, so CI can let "changes" through and stop here.
   */
  rehearsalBlocked: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;
