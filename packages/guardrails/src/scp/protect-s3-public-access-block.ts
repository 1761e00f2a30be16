import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/**
 * Denies changing the account-level S3 Block Public Access settings.
 *
 * Why: with account-level BPA on, no bucket in the account can be made public by a policy or an
 * ACL, whatever a single bucket says. The setting is one API call away from off
 * (`PutAccountPublicAccessBlock` both sets and clears it), so only the exempt roles, which set it
 * up, may touch it. Bucket-level BPA (`PutBucketPublicAccessBlock`) stays available, so incident
 * responders can still lock a single bucket down.
 *
 * @example
 * const keepBpa = protectS3PublicAccessBlock({ exemptPrincipalArns: ['arn:aws:iam::*:role/orgops-apply'] });
 */
export function protectS3PublicAccessBlock(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('protectS3PublicAccessBlock', options.exemptPrincipalArns);
  return guardrailScp(
    {
      name: 'protect-s3-public-access-block',
      description: 'Denies changes to the account-level S3 Block Public Access settings',
    },
    options,
    [
      denyStatement({
        sid: 'ProtectS3AccountPublicAccessBlock',
        actions: ['s3:PutAccountPublicAccessBlock'],
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
