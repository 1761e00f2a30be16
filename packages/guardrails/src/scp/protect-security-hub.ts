import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * Security Hub actions that disable it, leave the administrator, switch standards or controls off,
 * suppress findings by rule, or change the organization-wide configuration. Central configuration
 * (configuration policies and their association) is how the delegated administrator switches
 * Security Hub off in every account at once.
 */
export const SECURITY_HUB_PROTECTED_ACTIONS: readonly string[] = [
  'securityhub:DisableSecurityHub',
  'securityhub:DisableSecurityHubV2',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DeleteMembers',
  'securityhub:DisassociateMembers',
  'securityhub:BatchDisableStandards',
  'securityhub:DisableImportFindingsForProduct',
  'securityhub:UpdateStandardsControl',
  'securityhub:BatchUpdateStandardsControlAssociations',
  'securityhub:CreateAutomationRule',
  'securityhub:BatchUpdateAutomationRules',
  'securityhub:CreateAutomationRuleV2',
  'securityhub:UpdateAutomationRuleV2',
  'securityhub:CreateConfigurationPolicy',
  'securityhub:UpdateConfigurationPolicy',
  'securityhub:DeleteConfigurationPolicy',
  'securityhub:StartConfigurationPolicyAssociation',
  'securityhub:StartConfigurationPolicyDisassociation',
  'securityhub:UpdateOrganizationConfiguration',
  'securityhub:UpdateSecurityHubConfiguration',
  'securityhub:DeleteFindingAggregator',
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
 * Denies disabling Security Hub, leaving its administrator, disabling standards or controls,
 * automation rules (which can suppress findings as they arrive), and changes to the
 * organization-wide configuration.
 *
 * Why: Security Hub is where findings from every account meet; an account that drops out or
 * disables a standard stops reporting without anyone noticing, and in the delegated administrator
 * one configuration policy switches it off everywhere. Left open: enabling standards and
 * products, triaging findings (`BatchUpdateFindings`), insights, and reading everything.
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
