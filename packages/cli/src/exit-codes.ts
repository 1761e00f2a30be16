/** Terraform's `-detailed-exitcode` convention, so CI can branch on the result. */
export const EXIT = {
  /** Success, and nothing to change. */
  ok: 0,
  /** Something went wrong: bad config, AWS error, stale plan. */
  error: 1,
  /** Success, and there are changes (plan) or drift (drift). */
  changes: 2,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;
