import { type IdentityStatement, type OrganizationPolicy, OrgopsError } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { protectAccessAnalyzerStatement } from './protect-access-analyzer.ts';
import { protectCloudTrailStatement } from './protect-cloudtrail.ts';
import { protectConfigStatement } from './protect-config.ts';
import { protectGuardDutyStatement } from './protect-guardduty.ts';
import { protectSecurityHubStatement } from './protect-security-hub.ts';

/** The security services {@link protectSecurityServices} can cover. */
export type SecurityService = 'cloudtrail' | 'config' | 'guardduty' | 'securityhub' | 'access-analyzer';

export const SECURITY_SERVICES: readonly SecurityService[] = [
  'cloudtrail',
  'config',
  'guardduty',
  'securityhub',
  'access-analyzer',
];

const STATEMENTS: Readonly<Record<SecurityService, (exempt: readonly string[]) => IdentityStatement>> = {
  cloudtrail: (exempt) => protectCloudTrailStatement(exempt),
  config: protectConfigStatement,
  guardduty: protectGuardDutyStatement,
  securityhub: protectSecurityHubStatement,
  'access-analyzer': protectAccessAnalyzerStatement,
};

export interface ProtectSecurityServicesOptions extends GuardrailOptions {
  /** Services to cover; defaults to all of {@link SECURITY_SERVICES}. */
  readonly services?: readonly SecurityService[];
}

/**
 * One SCP with the statements of {@link protectCloudTrail}, {@link protectConfig},
 * {@link protectGuardDuty}, {@link protectSecurityHub} and {@link protectAccessAnalyzer}.
 *
 * Why one policy: a target holds at most 10 SCPs (FullAWSAccess included), and five slots spent
 * on five small documents leave little room for OU-specific guardrails. Together they stay well
 * under the SCP size limit (checked by the tests).
 *
 * @example
 * const security = protectSecurityServices({ exemptPrincipalArns: ['arn:aws:iam::*:role/orgops-apply'] });
 */
export function protectSecurityServices(options: ProtectSecurityServicesOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectSecurityServices', options.exemptPrincipalArns);
  const services = [...new Set(options.services ?? SECURITY_SERVICES)];
  if (services.length === 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      'protectSecurityServices: `services` is empty; name at least one service or omit it for all.',
    );
  }
  return guardrailScp(
    {
      name: 'protect-security-services',
      description: `Denies disabling or silencing ${services.join(', ')}`,
    },
    options,
    services.map((service) => STATEMENTS[service](exempt)),
  );
}
