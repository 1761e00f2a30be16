import type { OrganizationPolicy } from '@orgops/model';
import { guardrailRcp } from '../build.ts';
import type { NamingOptions } from '../guardrail-options.ts';
import { checkedAccountIds, checkedOrganizationId } from './organization-id.ts';

/**
 * Actions the identity perimeter covers. STS is listed action by action: web-identity and SAML
 * federation (`AssumeRoleWithWebIdentity`, `AssumeRoleWithSAML`) come from outside any
 * organization by design (GitHub OIDC for the pipeline, Identity Center sign-in), so covering
 * `sts:*` would lock both out.
 */
export const IDENTITY_PERIMETER_ACTIONS: readonly string[] = [
  's3:*',
  'sqs:*',
  'kms:*',
  'secretsmanager:*',
  'sts:AssumeRole',
  'sts:DecodeAuthorizationMessage',
  'sts:GetAccessKeyInfo',
  'sts:GetFederationToken',
  'sts:GetServiceBearerToken',
  'sts:GetSessionToken',
  'sts:SetContext',
];

export interface EnforceOrganizationIdentitiesOptions extends NamingOptions {
  /**
   * Required: the organization id (`o-…`, fails closed), or {@link RESOURCE_ORGANIZATION} (the
   * resource's own organization: portable, but requests without `aws:ResourceOrgID` pass).
   */
  readonly organizationId: string;
  /** Accounts outside the organization that may still reach resources (partners, vendors). */
  readonly trustedAccountIds?: readonly string[];
  /**
   * A resource tag key that, set to `true`, excludes a resource from the perimeter (for example a
   * queue or secret shared with a partner). Protect the tag with an SCP if you use it: whoever
   * can tag can exclude. S3 objects carry no `aws:ResourceTag` (buckets do only with ABAC enabled),
   * so the tag cannot open an object to anonymous readers: serve public content from CloudFront.
   */
  readonly exclusionTagKey?: string;
  /** Actions to cover; each service must support RCPs. Defaults to {@link IDENTITY_PERIMETER_ACTIONS}. */
  readonly actions?: readonly string[];
}

/**
 * Resource control policy: only principals of this organization (and listed trusted accounts)
 * may reach S3, SQS, KMS, Secrets Manager and STS resources in member accounts.
 *
 * Why: the identity perimeter of a data perimeter. A bucket policy that says `"Principal": "*"`
 * by mistake, or a role trust policy naming a stranger's account, no longer grants anything to
 * principals outside the organization. AWS services acting with their own service principal are
 * not affected (`aws:PrincipalIsAWSService`); see {@link confusedDeputyProtection} for them.
 * Anonymous requests have no `aws:PrincipalOrgID` and are denied as well: use `exclusionTagKey`
 * for resources that must stay public.
 *
 * @example
 * const perimeter = enforceOrganizationIdentities({
 *   organizationId: 'o-a1b2c3d4e5',
 *   trustedAccountIds: ['111122223333'],
 * });
 */
export function enforceOrganizationIdentities(
  options: EnforceOrganizationIdentitiesOptions,
): OrganizationPolicy {
  const org = checkedOrganizationId('enforceOrganizationIdentities', options.organizationId);
  const trusted = checkedAccountIds('enforceOrganizationIdentities', options.trustedAccountIds ?? []);
  // Keys under one operator are ANDed: deny only when the caller is outside the organization AND
  // not a trusted account AND the resource is not excluded.
  const notEquals: Record<string, string | string[]> = { 'aws:PrincipalOrgID': org };
  if (trusted.length > 0) notEquals['aws:PrincipalAccount'] = [...trusted];
  if (options.exclusionTagKey) notEquals[`aws:ResourceTag/${options.exclusionTagKey}`] = 'true';
  return guardrailRcp(
    {
      name: 'enforce-organization-identities',
      description: 'Denies access to covered resources by principals outside the organization',
    },
    options,
    [
      {
        Sid: 'EnforceOrganizationIdentities',
        Effect: 'Deny',
        Principal: '*',
        Action: [...(options.actions ?? IDENTITY_PERIMETER_ACTIONS)],
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: notEquals,
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        },
      },
    ],
  );
}
