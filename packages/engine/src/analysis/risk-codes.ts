import type { Risk } from './types.ts';

/**
 * Every risk code the analysis emits, with the rule that sets its level. Codes are stable: CI
 * policies and docs key on them (for example "block merge on any `high`").
 */
export const RISK_CODES = {
  'admin-in-production':
    'high: admin-equivalent access (AdministratorAccess or an inline Allow * on *) gained in a production account (OU path segment with "prod", or tag environment=prod|production)',
  'admin-in-critical-account':
    'high: admin-equivalent access gained in the management account or a security account (OU path, name or environment tag with security, audit, log archive or forensics)',
  'admin-access-gained':
    'medium: admin-equivalent access gained outside production, security and management accounts',
  'privilege-escalation':
    'high: a permission set its holders keep gains a path to admin (IAM writes, policy-version writes, iam:PassRole or sts:AssumeRole on any role; Identity Center or Organizations writes in the management account) through its inline or managed policies; medium when nobody holds it yet; medium/low: a principal newly assigned a permission set with such a path in sensitive/other accounts',
  'guardrail-exemption-widened':
    'high when an SCP/RCP Deny starts exempting Identity Center roles, any role name matching a wildcard, or everyone; medium for a named role or account',
  'power-user-access-gained':
    'medium in production, security or management accounts, low elsewhere: PowerUserAccess gained',
  'assignment-to-user': 'low: a permission set assigned to an individual user instead of a group',
  'long-admin-session': 'medium: an admin-equivalent permission set with sessions longer than 1h',
  'permission-set-deleted-while-assigned': 'medium: a permission set deleted while principals hold it',
  'guardrail-removed':
    'high when it has Deny statements, else medium: an SCP/RCP detached; medium: one deleted',
  'guardrail-weakened':
    'high when Deny statements go away, medium when they are rewritten: an SCP/RCP update',
  'full-aws-access-detached':
    'high, or medium when an allow-list SCP is attached in its place: FullAWSAccess detached',
  'policy-type-disabled': 'high for SCPs and RCPs, medium for other types: a policy type disabled',
  'trusted-service-disabled':
    'high for critical services (CRITICAL_SERVICE_PRINCIPALS), else medium: trusted access disabled',
  'delegated-admin-deregistered': 'medium: a delegated administrator deregistered',
  'account-closure': 'high: an account closed',
  'quarantine-release': 'high: an account released from quarantine (config says release for its quarantine)',
  'account-moved':
    'medium when it leaves a Suspended OU or enters production, else low: an account moved between OUs',
} as const satisfies Readonly<Record<string, string>>;

export type RiskCode = keyof typeof RISK_CODES;

/** A risk whose code is in the catalogue; the analyzers return these so a new code must be documented. */
export type CodedRisk = Risk & { readonly code: RiskCode };
