import {
  denyAll,
  denyIamUsersAndAccessKeys,
  denyLeaveOrganization,
  denyRootUser,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityServices,
  regionAllowList,
  requireImdsV2,
} from '@orgops/guardrails';
import { BREAK_GLASS_ROLE, GUARDRAIL_EXEMPTIONS } from './exemptions.ts';
import { ALLOWED_REGIONS } from './regions.ts';

const exempt = { exemptPrincipalArns: GUARDRAIL_EXEMPTIONS };

// Root guardrails: true everywhere, whatever the workload.

/** Nobody works as root; centralized root access covers the rare root-only task. */
export const noRootUser = denyRootUser();

/** CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer in one SCP, to save slots. */
export const securityServices = protectSecurityServices(exempt);

export const stayInOrganization = denyLeaveOrganization(exempt);

/** Identity Center and roles only: no IAM users, no access keys. */
export const noLongLivedCredentials = denyIamUsersAndAccessKeys(exempt);

export const keepS3PublicAccessBlocked = protectS3PublicAccessBlock(exempt);

/** The exemptions above are only as strong as these roles: nobody else may create or change them. */
export const privilegedRoles = protectPrivilegedRoles({ roleArns: GUARDRAIL_EXEMPTIONS, ...exempt });

// Workload guardrails: they would get in the way of the platform accounts' own tooling.

export const allowedRegions = regionAllowList(ALLOWED_REGIONS, exempt);

export const imdsV2Only = requireImdsV2(exempt);

/**
 * Quarantine for the Suspended OU. Only break-glass is exempt: the pipeline has no business
 * inside a quarantined account, and forensics goes through break-glass.
 */
export const quarantine = denyAll({ exemptPrincipalArns: [BREAK_GLASS_ROLE] });
