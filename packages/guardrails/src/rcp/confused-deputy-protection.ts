import type { OrganizationPolicy } from '@orgops/model';
import { guardrailRcp } from '../build.ts';
import type { NamingOptions } from '../guardrail-options.ts';
import { PERIMETER_RCP_ACTIONS } from './enforce-secure-transport.ts';
import { checkedOrganizationId } from './organization-id.ts';

export interface ConfusedDeputyProtectionOptions extends NamingOptions {
  /**
   * Required: the organization id (`o-…`, fails closed), or {@link RESOURCE_ORGANIZATION} (the
   * resource's own organization: portable, but requests without `aws:ResourceOrgID` pass).
   */
  readonly organizationId: string;
  /** Actions to cover; each service must support RCPs. Defaults to S3, SQS, KMS, Secrets Manager, STS. */
  readonly actions?: readonly string[];
}

/**
 * Resource control policy: an AWS service acting with its service principal may only reach
 * resources in member accounts on behalf of an account of this organization.
 *
 * Why: the confused-deputy problem. A service (CloudTrail, SNS, Config…) writes to a bucket or
 * queue because its policy trusts the service principal; without `aws:SourceOrgID` any customer
 * of that service could point it at our resource. Applies only when the service sends
 * `aws:SourceAccount`, so service calls with no source context are left alone.
 *
 * @example
 * const deputy = confusedDeputyProtection({ organizationId: 'o-a1b2c3d4e5' });
 */
export function confusedDeputyProtection(options: ConfusedDeputyProtectionOptions): OrganizationPolicy {
  const org = checkedOrganizationId('confusedDeputyProtection', options.organizationId);
  return guardrailRcp(
    {
      name: 'confused-deputy-protection',
      description: 'Denies AWS services access to covered resources on behalf of other organizations',
    },
    options,
    [
      {
        Sid: 'EnforceConfusedDeputyProtection',
        Effect: 'Deny',
        Principal: '*',
        Action: [...(options.actions ?? PERIMETER_RCP_ACTIONS)],
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: { 'aws:SourceOrgID': org },
          Null: { 'aws:SourceAccount': 'false' },
          Bool: { 'aws:PrincipalIsAWSService': 'true' },
        },
      },
    ],
  );
}
