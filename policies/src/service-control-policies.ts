import {
  denyAll,
  denyIamUsersAndAccessKeys,
  denyLeaveOrganization,
  denyRootUser,
  permissionSetRoleArnPattern,
  protectLogArchive,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityServices,
  regionAllowList,
  requireImdsV2,
  restrictBreakGlassAssumption,
} from '@orgops/guardrails';
import { BREAK_GLASS_POLICIES, BREAK_GLASS_ROLE, GUARDRAIL_EXEMPTIONS } from './exemptions.ts';
import { incidentResponder } from './permission-sets.ts';
import { ALLOWED_REGIONS } from './regions.ts';

const exempt = { exemptPrincipalArns: GUARDRAIL_EXEMPTIONS };

// Root guardrails: true everywhere, whatever the workload.

/** Nobody works as root; centralized root access covers the rare root-only task. */
export const noRootUser = denyRootUser();

/** CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer in one SCP, to save slots. */
export const securityServices = protectSecurityServices(exempt);

export const stayInOrganization = denyLeaveOrganization(exempt);

/**
 * Identity Center and roles only: no IAM users, no access keys, no account-level identity
 * providers. Incident responders may still switch a leaked key off (and so, by IAM's design, on).
 */
export const noLongLivedCredentials = denyIamUsersAndAccessKeys({
  ...exempt,
  accessKeyStatusPrincipalArns: [permissionSetRoleArnPattern(incidentResponder.name)],
});

export const keepS3PublicAccessBlocked = protectS3PublicAccessBlock(exempt);

/**
 * The exemptions are only as strong as the roles: nobody else may create, change or pass
 * break-glass, nor create a look-alike of the responder's role (it may change access key status).
 */
export const privilegedRoles = protectPrivilegedRoles({
  roleArns: [BREAK_GLASS_ROLE, permissionSetRoleArnPattern(incidentResponder.name)],
  policyArns: BREAK_GLASS_POLICIES,
  ...exempt,
});

/** Break-glass is assumed from the management account only, whatever its trust policy says. */
export const breakGlassFromManagementOnly = restrictBreakGlassAssumption({
  roleArns: [BREAK_GLASS_ROLE],
  exemptPrincipalArns: [],
});

// Workload guardrails: they would get in the way of the platform accounts' own tooling.

export const allowedRegions = regionAllowList(ALLOWED_REGIONS, exempt);

export const imdsV2Only = requireImdsV2(exempt);

// Account guardrails.

/** The log archive is write-once: attached to the log-archive account, every bucket there. */
export const logArchiveProtection = protectLogArchive(exempt);

/**
 * Quarantine for the Suspended OU: nobody inside acts. Only break-glass is exempt, and forensics
 * goes through it. `quarantineResources` (an RCP) closes the other side.
 */
export const quarantine = denyAll({ exemptPrincipalArns: [BREAK_GLASS_ROLE] });
