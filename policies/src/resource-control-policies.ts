import {
  confusedDeputyProtection,
  denyAllResourceAccess,
  enforceOrganizationIdentities,
  enforceSecureTransport,
  RESOURCE_ORGANIZATION,
} from '@orgops/guardrails';
import { BREAK_GLASS_ROLE } from './exemptions.ts';

// RCPs bind every caller of a resource, including principals outside the organization, which no
// SCP can. A target holds 5 RCPs and AWS's RCPFullAWSAccess always takes one: the root's three
// leave one slot free.

/**
 * Which organization the perimeter compares against. This example does not know its organization
 * id, so it uses the `${aws:ResourceOrgID}` variable: correct in any organization (the sandbox
 * included), where a wrong literal id would deny every principal of the organization access to
 * S3, SQS, KMS, Secrets Manager and STS at once. Deliberate trade-off: a request that carries no
 * `aws:ResourceOrgID` passes the perimeter (AWS's published examples name the id and fail closed).
 * Once you adopt this for your organization, replace it with your `o-…` id (`orgops plan` prints it).
 */
export const PERIMETER_ORGANIZATION = RESOURCE_ORGANIZATION;

/** TLS for every request to S3, SQS, KMS, Secrets Manager and STS. */
export const secureTransport = enforceSecureTransport();

/**
 * Data perimeter, identity side: only principals of this organization reach our data. Public
 * buckets are denied too; none are expected here.
 */
export const organizationIdentities = enforceOrganizationIdentities({
  organizationId: PERIMETER_ORGANIZATION,
});

/** AWS services may write to our buckets and queues only on behalf of our own accounts. */
export const confusedDeputy = confusedDeputyProtection({ organizationId: PERIMETER_ORGANIZATION });

/**
 * Quarantine, resource side (Suspended OU): the deny-all SCP binds only principals inside the
 * account; this denies everyone else its buckets, keys, queues, secrets and roles. Break-glass
 * stays assumable, or nobody could get in to investigate.
 */
export const quarantineResources = denyAllResourceAccess({ exemptPrincipalArns: [BREAK_GLASS_ROLE] });
