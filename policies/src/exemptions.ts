/**
 * Who the guardrails do not bind. Kept short on purpose: every entry is a way around every
 * guardrail, in every account (the pattern uses `*` for the account id).
 */

/**
 * The orgops pipeline roles (GitHub OIDC). They live in the management account, where no SCP or
 * RCP applies (Organizations and Identity Center are managed from there), so no guardrail exempts
 * them: an exemption would only let a role of the same name in a member account leave every
 * guardrail. They are still privileged: the incident responder may not contain them (break-glass
 * does).
 */
export const PIPELINE_ROLES = [
  'arn:aws:iam::*:role/orgops-plan',
  'arn:aws:iam::*:role/orgops-apply',
] as const;

/**
 * The emergency role in every member account: for when Identity Center or the pipeline is down,
 * and the only way into a quarantined account. Assumed from the management account only (an
 * MFA-protected principal there, alarmed on use): `restrict-break-glass-assumption` denies every
 * member-account principal, and the identity perimeter everyone outside the organization. Created
 * by a service-managed StackSet, whose service-linked role no SCP binds; holds AWS managed
 * policies, or customer managed ones under the `/break-glass/` path (protected from new versions).
 */
export const BREAK_GLASS_ROLE = 'arn:aws:iam::*:role/break-glass';

/** Customer managed policies break-glass may hold: nobody else may version or delete them. */
export const BREAK_GLASS_POLICIES: readonly string[] = ['arn:aws:iam::*:policy/break-glass/*'];

/** Exemptions every guardrail SCP in this organization uses. */
export const GUARDRAIL_EXEMPTIONS: readonly string[] = [BREAK_GLASS_ROLE];
