import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** CloudTrail actions that stop, blind or delete audit logging. */
export const CLOUDTRAIL_PROTECTED_ACTIONS: readonly string[] = [
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:PutInsightSelectors',
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:UpdateEventDataStore',
  'cloudtrail:StopEventDataStoreIngestion',
];

export interface ProtectCloudTrailOptions extends GuardrailOptions {
  /** Trail / event data store ARNs to protect; defaults to every one (`*`). */
  readonly resources?: readonly string[];
}

/** The statement behind {@link protectCloudTrail}, for composing into a larger SCP. */
export function protectCloudTrailStatement(
  exemptPrincipalArns: readonly string[],
  resources?: readonly string[],
): IdentityStatement {
  return denyStatement({
    sid: 'ProtectCloudTrail',
    actions: CLOUDTRAIL_PROTECTED_ACTIONS,
    ...(resources ? { resources } : {}),
    exemptPrincipalArns,
  });
}

/**
 * Denies stopping, reconfiguring or deleting CloudTrail trails and event data stores.
 *
 * Why: the audit log is what an investigation stands on, and an attacker's first move is to
 * switch it off (`StopLogging`) or narrow it (`PutEventSelectors`). The organization trail lives
 * in the management account, which SCPs never bind; this guards the trails members keep too.
 *
 * @example
 * const trail = protectCloudTrail({ exemptPrincipalArns: ['arn:aws:iam::*:role/orgops-apply'] });
 */
export function protectCloudTrail(options: ProtectCloudTrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectCloudTrail', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-cloudtrail', description: 'Denies stopping, changing or deleting CloudTrail logging' },
    options,
    [protectCloudTrailStatement(exempt, options.resources)],
  );
}
