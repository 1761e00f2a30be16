import type { IdentityStatement, OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * AWS Config actions that stop recording (the customer and the service-linked recorder), redirect
 * delivery, shorten retention (`PutRetentionConfiguration` down to 30 days deletes history) or
 * delete rules, conformance packs, aggregators and results.
 */
export const CONFIG_PROTECTED_ACTIONS: readonly string[] = [
  'config:StopConfigurationRecorder',
  'config:DeleteConfigurationRecorder',
  'config:PutConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'config:DeleteServiceLinkedConfigurationRecorder',
  'config:PutDeliveryChannel',
  'config:PutRetentionConfiguration',
  'config:DeleteRetentionConfiguration',
  'config:DeleteConfigRule',
  'config:DeleteOrganizationConfigRule',
  'config:DeleteConformancePack',
  'config:DeleteOrganizationConformancePack',
  'config:DeleteEvaluationResults',
  'config:DeleteAggregationAuthorization',
  'config:DeleteConfigurationAggregator',
];

/** The statement behind {@link protectConfig}, for composing into a larger SCP. */
export function protectConfigStatement(exemptPrincipalArns: readonly string[]): IdentityStatement {
  return denyStatement({ sid: 'ProtectConfig', actions: CONFIG_PROTECTED_ACTIONS, exemptPrincipalArns });
}

/**
 * Denies stopping or changing the AWS Config recorder and delivery channel, and deleting rules.
 *
 * Why: Config is the configuration history and the detective-control engine; a stopped recorder
 * hides every later change. The recorder is deployed by the platform (exempt its deploying role,
 * e.g. a StackSet execution role, or it cannot be updated).
 *
 * @example
 * const config = protectConfig({ exemptPrincipalArns: ['arn:aws:iam::*:role/orgops-apply'] });
 */
export function protectConfig(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectConfig', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-config', description: 'Denies stopping or changing AWS Config recording' },
    options,
    [protectConfigStatement(exempt)],
  );
}
