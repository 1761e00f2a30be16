import {
  confusedDeputyProtection,
  enforceOrganizationIdentities,
  enforceSecureTransport,
} from '@orgops/guardrails';

// RCPs bind every caller of a resource, including principals outside the organization, which no
// SCP can. A target holds 5 RCPs and AWS's RCPFullAWSAccess always takes one: these three leave
// one slot free.

/** TLS for every request to S3, SQS, KMS, Secrets Manager and STS. */
export const secureTransport = enforceSecureTransport();

/**
 * Data perimeter, identity side: only principals of this organization reach our data. The
 * organization id is the `${aws:ResourceOrgID}` policy variable, so the policy is right in any
 * organization it is applied to. Public buckets are denied too; none are expected here.
 */
export const organizationIdentities = enforceOrganizationIdentities();

/** AWS services may write to our buckets and queues only on behalf of our own accounts. */
export const confusedDeputy = confusedDeputyProtection();
