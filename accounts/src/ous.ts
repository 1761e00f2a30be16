import {
  aiServicesOptOut,
  allowedRegions,
  breakGlassFromManagementOnly,
  confusedDeputy,
  costAllocationTags,
  imdsV2Only,
  keepS3PublicAccessBlocked,
  noLongLivedCredentials,
  noRootUser,
  organizationIdentities,
  privilegedRoles,
  quarantine,
  quarantineResources,
  secureTransport,
  securityServices,
  stayInOrganization,
} from '@org/policies';
import { FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';

// Deny-list strategy: FullAWSAccess grants, guardrails subtract. SCPs need an Allow at every level
// of the path, so a target that lists its own SCPs lists FullAWSAccess too (targets listing none
// get it from `defaultPolicies`).

/**
 * Guardrails true for every account: identity, logging and detection, break-glass, and the data
 * perimeter. 8 of the 10 SCP slots; the 3 RCPs plus AWS's RCPFullAWSAccess use 4 of 5.
 */
export const root = organizationRoot({
  policies: [
    FullAWSAccess,
    noRootUser,
    securityServices,
    stayInOrganization,
    noLongLivedCredentials,
    keepS3PublicAccessBlocked,
    privilegedRoles,
    breakGlassFromManagementOnly,
    secureTransport,
    organizationIdentities,
    confusedDeputy,
    costAllocationTags,
    aiServicesOptOut,
  ],
});

/** Log archive and security tooling, apart from everything else so workload admins cannot reach them. */
export const security = organizationalUnit('Security', { parent: root });

/** Shared network and platform services, run by the platform team. */
export const infrastructure = organizationalUnit('Infrastructure', { parent: root });

/** Where applications run. Region and IMDSv2 rules live here, not at the root, so platform tooling is not boxed in. */
export const workloads = organizationalUnit('Workloads', {
  parent: root,
  policies: [FullAWSAccess, allowedRegions, imdsV2Only],
});

/** Production: separate accounts from non-production so a dev mistake cannot reach customer data. */
export const prod = organizationalUnit('Prod', { parent: workloads });

export const nonProd = organizationalUnit('NonProd', { parent: workloads });

/**
 * Experiments, with the workloads' Region and IMDSv2 rules: sandbox credentials are the likeliest
 * to leak, and a sandbox instance's role is as easy to steal over IMDSv1 as any other.
 */
export const sandbox = organizationalUnit('Sandbox', {
  parent: root,
  policies: [FullAWSAccess, allowedRegions, imdsV2Only],
});

/**
 * Quarantine for compromised accounts and accounts waiting to close. deny-all stops everyone
 * inside; the quarantine RCP stops everyone outside reaching in through resource and trust
 * policies. FullAWSAccess stays so that break-glass, exempt from both, still has an Allow to
 * investigate with.
 */
export const suspended = organizationalUnit('Suspended', {
  parent: root,
  policies: [FullAWSAccess, quarantine, quarantineResources],
});

export const organizationalUnits = [security, infrastructure, workloads, prod, nonProd, sandbox, suspended];
