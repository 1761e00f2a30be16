import { type OrganizationPolicy, OrgopsError } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** STS actions that start a session as a role, or shape one (tags and source identity travel with it). */
export const ASSUME_ROLE_ACTIONS: readonly string[] = [
  'sts:AssumeRole',
  'sts:TagSession',
  'sts:SetSourceIdentity',
];

export interface RestrictBreakGlassAssumptionOptions extends GuardrailOptions {
  /** The break-glass role ARN patterns, e.g. `arn:aws:iam::*:role/break-glass`. */
  readonly roleArns: readonly string[];
}

/**
 * Denies every principal of a member account assuming the break-glass role, in any account.
 * `exemptPrincipalArns` names member-account principals that may still (usually none).
 *
 * Why: the guardrails exempt break-glass, so whoever can assume it leaves every guardrail. A trust
 * policy that names its own account (`arn:aws:iam::<same>:root`) lets any administrator of that
 * account assume it; this SCP binds every member-account principal, so that trust no longer
 * works, whatever the trust policy says. Principals of the management account are not bound by
 * SCPs, so break-glass stays reachable from there (an MFA-protected user or role, alarmed on use),
 * and principals outside the organization are stopped by the identity perimeter RCP
 * ({@link enforceOrganizationIdentities} covers `sts:AssumeRole`). Left open: web-identity and
 * SAML federation into the role, which no SCP can bind; {@link protectPrivilegedRoles} stops
 * anyone adding such a trust.
 *
 * @example
 * const breakGlass = restrictBreakGlassAssumption({
 *   roleArns: ['arn:aws:iam::*:role/break-glass'],
 *   exemptPrincipalArns: [],
 * });
 */
export function restrictBreakGlassAssumption(
  options: RestrictBreakGlassAssumptionOptions,
): OrganizationPolicy {
  const roles = checkedExemptions('restrictBreakGlassAssumption', options.roleArns, 'roleArns');
  if (roles.length === 0 || roles.some((arn) => !/:role\//.test(arn))) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      'restrictBreakGlassAssumption: roleArns must name at least one role, e.g. "arn:aws:iam::*:role/break-glass".',
    );
  }
  const exempt = checkedExemptions('restrictBreakGlassAssumption', options.exemptPrincipalArns);
  return guardrailScp(
    {
      name: 'restrict-break-glass-assumption',
      description: 'Denies member-account principals assuming the break-glass role',
    },
    options,
    [
      denyStatement({
        sid: 'DenyAssumingBreakGlass',
        actions: ASSUME_ROLE_ACTIONS,
        resources: roles,
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
