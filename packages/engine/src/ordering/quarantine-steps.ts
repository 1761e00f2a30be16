/**
 * The order of `orgops quarantine`'s steps: the OU's guardrails are attached before the account
 * is moved in, so it never sits in the OU unguarded (an account is governed by the SCPs of where
 * it is, aws-facts.md §5), and the record is tagged last, so a tag never claims a quarantine that
 * did not happen. The steps stop at the first failure.
 */
export const QUARANTINE_STEP_ORDER = ['attach-guardrail', 'move-account', 'tag-account'] as const;

export type QuarantineStepKind = (typeof QUARANTINE_STEP_ORDER)[number];
