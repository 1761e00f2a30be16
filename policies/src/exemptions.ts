/**
 * Who the guardrails do not bind. Kept short on purpose: every entry is a way around every
 * guardrail, in every account (the patterns use `*` for the account id).
 */

/** The orgops pipeline roles (GitHub OIDC). `plan` only reads, but must read in every Region and in quarantined accounts. */
export const PIPELINE_ROLES = [
  'arn:aws:iam::*:role/orgops-plan',
  'arn:aws:iam::*:role/orgops-apply',
] as const;

/** The emergency role: MFA-protected, alarmed on use, for when Identity Center or the pipeline is down. */
export const BREAK_GLASS_ROLE = 'arn:aws:iam::*:role/break-glass';

/** Exemptions every guardrail SCP in this organization uses. */
export const GUARDRAIL_EXEMPTIONS: readonly string[] = [...PIPELINE_ROLES, BREAK_GLASS_ROLE];
