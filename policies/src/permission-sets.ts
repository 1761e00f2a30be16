import {
  billing,
  developer as developerBlock,
  incidentResponder as incidentResponderBlock,
  platformAdmin as platformAdminBlock,
  readOnly as readOnlyBlock,
  securityAudit as securityAuditBlock,
} from '@orgops/guardrails';
import { BREAK_GLASS_ROLE, PIPELINE_ROLES } from './exemptions.ts';

// Names are what people see on the Identity Center portal and in CloudTrail
// (AWSReservedSSO_<name>_…); AWS cannot rename a permission set, so they are final.

/** Metadata only: who can look around without being able to read customer data. */
export const readOnly = readOnlyBlock();

/** PowerUser without IAM writes; may pass the pipeline-made roles under /app/ to services. */
export const developer = developerBlock();

/** Full admin, one-hour sessions. Guardrail SCPs still apply in member accounts. */
export const platformAdmin = platformAdminBlock();

export const securityAudit = securityAuditBlock();

/**
 * Read plus containment, two-hour sessions. It is assigned in the management account too, where no
 * SCP protects the pipeline and break-glass roles: containing those stays with break-glass.
 */
export const incidentResponder = incidentResponderBlock({
  privilegedRoleArns: [...PIPELINE_ROLES, BREAK_GLASS_ROLE],
});

/** Billing console and cost tools, for the management account where the bill lives. */
export const finops = billing({ name: 'FinOps' });
