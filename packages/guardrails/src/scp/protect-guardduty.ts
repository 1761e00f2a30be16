import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * GuardDuty actions that disable detection, leave the administrator, suppress findings (filters,
 * trusted IP and entity lists) or stop new accounts being enrolled (`UpdateOrganizationConfiguration`).
 */
export const GUARDDUTY_PROTECTED_ACTIONS: readonly string[] = [
  'guardduty:DeleteDetector',
  'guardduty:UpdateDetector',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:DeleteMembers',
  'guardduty:DisassociateMembers',
  'guardduty:StopMonitoringMembers',
  'guardduty:UpdateMemberDetectors',
  'guardduty:CreateFilter',
  'guardduty:UpdateFilter',
  'guardduty:CreateIPSet',
  'guardduty:UpdateIPSet',
  'guardduty:CreateTrustedEntitySet',
  'guardduty:UpdateTrustedEntitySet',
  'guardduty:DeletePublishingDestination',
  'guardduty:UpdatePublishingDestination',
  'guardduty:UpdateOrganizationConfiguration',
];

/** The statement behind {@link protectGuardDuty}, for composing into a larger SCP. */
export function protectGuardDutyStatement(exemptPrincipalArns: readonly string[]): IdentityStatement {
  return denyStatement({
    sid: 'ProtectGuardDuty',
    actions: GUARDDUTY_PROTECTED_ACTIONS,
    exemptPrincipalArns,
  });
}

/**
 * Denies disabling GuardDuty, leaving its administrator, and adding suppression filters or
 * trusted IP lists.
 *
 * Why: threat detection only helps while it runs and reports. Filters (auto-archive) and trusted
 * IP lists silence findings without turning anything off, so they are guarded too. The delegated
 * administrator (security tooling) manages GuardDuty through the organization integration; exempt
 * the role it uses.
 *
 * @example
 * const gd = protectGuardDuty({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function protectGuardDuty(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectGuardDuty', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-guardduty', description: 'Denies disabling or silencing GuardDuty' },
    options,
    [protectGuardDutyStatement(exempt)],
  );
}
