import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** Security Hub actions that disable it, leave the administrator or switch standards off. */
export const SECURITY_HUB_PROTECTED_ACTIONS: readonly string[] = [
  'securityhub:DisableSecurityHub',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DeleteMembers',
  'securityhub:DisassociateMembers',
  'securityhub:BatchDisableStandards',
  'securityhub:DisableImportFindingsForProduct',
  'securityhub:UpdateStandardsControl',
];

/** The statement behind {@link protectSecurityHub}, for composing into a larger SCP. */
export function protectSecurityHubStatement(exemptPrincipalArns: readonly string[]): IdentityStatement {
  return denyStatement({
    sid: 'ProtectSecurityHub',
    actions: SECURITY_HUB_PROTECTED_ACTIONS,
    exemptPrincipalArns,
  });
}

/**
 * Denies disabling Security Hub, leaving its administrator and disabling standards or controls.
 *
 * Why: Security Hub is where findings from every account meet; an account that drops out or
 * disables a standard stops reporting without anyone noticing.
 *
 * @example
 * const hub = protectSecurityHub({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function protectSecurityHub(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectSecurityHub', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-security-hub', description: 'Denies disabling Security Hub or its standards' },
    options,
    [protectSecurityHubStatement(exempt)],
  );
}
