import type { OrganizationPolicy } from '@orgops/model';
import { guardrailRcp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';

/**
 * Every service whose resources RCPs can cover, as `service:*` (the IAM catalogue's list of
 * 2026-09; a test compares it with the catalogue, so a service AWS adds shows up as a failure).
 */
export const RCP_SERVICE_ACTIONS: readonly string[] = [
  'aoss',
  'appconfig',
  'appstream',
  'autoscaling',
  'autoscaling-plans',
  'budgets',
  'clouddirectory',
  'cloudfront',
  'cloudsearch',
  'cloudtrail-data',
  'codeartifact',
  'codebuild',
  'codecommit',
  'codepipeline',
  'cognito-identity',
  'cognito-idp',
  'comprehend',
  'comprehendmedical',
  'compute-optimizer',
  'cost-optimization-hub',
  'dax',
  'dsql',
  'dynamodb',
  'ecr',
  'ecr-public',
  'events',
  'firehose',
  'fis',
  'fms',
  'gamelift',
  'health',
  'inspector-scan',
  'kendra',
  'kinesisvideo',
  'kms',
  'logs',
  'memorydb',
  'networkmonitor',
  'notifications',
  'opensearch',
  'pca-connector-ad',
  'personalize',
  'polly',
  'pricing',
  'resource-groups',
  'rolesanywhere',
  's3',
  'secretsmanager',
  'servicediscovery',
  'signin',
  'sqs',
  'sts',
  'support',
  'swf',
  'textract',
  'timestream-influxdb',
  'transcribe',
  'transfer',
  'translate',
  'wafv2',
  'workspaces',
  'xray',
].map((service) => `${service}:*`);

/**
 * Resource control policy for quarantine: denies every caller access to the resources of the
 * accounts below, in every service RCPs support, except the exempt principals.
 *
 * Why: {@link denyAll} is an SCP, so it binds only principals inside the quarantined account; a
 * bucket, key, queue or role there stays reachable from other member accounts (and outsiders)
 * through its resource or trust policy. This RCP closes that side: nobody reads data out of, or
 * assumes a role into, a quarantined account. Service principals are denied too: quarantine is
 * the one place where a service writing into the account is also suspect. The exempt roles stay
 * assumable (`NotResource`), or nobody could get in to investigate; who may assume them is for
 * {@link restrictBreakGlassAssumption} and the identity perimeter. Left open by AWS:
 * services RCPs do not support (EC2, Lambda, RDS…: the SCP still stops the account's own
 * principals, and their cross-account sharing is resource sharing the quarantine should revoke),
 * AWS managed KMS keys and service-linked roles.
 *
 * @example
 * const quarantineResources = denyAllResourceAccess({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function denyAllResourceAccess(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('denyAllResourceAccess', options.exemptPrincipalArns);
  const condition =
    exempt.length > 0 ? { Condition: { ArnNotLike: { 'aws:PrincipalArn': [...exempt] } } } : {};
  // The exempt roles must stay assumable, or nobody gets into a quarantined account to investigate:
  // the caller of sts:AssumeRole is whoever assumes them, never the role itself.
  const assumable = exempt.filter((arn) => arn.includes(':role/'));
  return guardrailRcp(
    {
      name: 'deny-all-resource-access',
      description: 'Quarantine: denies every caller access to resources in the accounts below',
    },
    options,
    [
      {
        Sid: 'DenyAllResourceAccess',
        Effect: 'Deny',
        Principal: '*',
        Action: RCP_SERVICE_ACTIONS.filter((a) => a !== 'sts:*'),
        Resource: '*',
        ...condition,
      },
      {
        Sid: 'DenyAssumingRoles',
        Effect: 'Deny',
        Principal: '*',
        Action: ['sts:*'],
        ...(assumable.length > 0 ? { NotResource: assumable } : { Resource: '*' }),
        ...condition,
      },
    ],
  );
}
