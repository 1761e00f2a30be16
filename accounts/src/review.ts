import {
  breakGlass,
  breakGlassFromManagementOnly,
  confusedDeputy,
  keepS3PublicAccessBlocked,
  noLongLivedCredentials,
  noRootUser,
  organizationIdentities,
  pipelineRoles,
  privilegedRoles,
  secureTransport,
  securityServices,
  stayInOrganization,
} from '@org/policies';
import { waive } from '@orgops/model';
import { platformAdminsEverywhere } from './assignments.ts';

// What `orgops lint` holds this organization to, beyond the validator's rules.

/** Guardrails every account must have in force. Today all sit at the root; lint catches a move. */
export const baseline = [
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
];

/** Roles no guardrail change may lock out, proved by simulation in every account they live in. */
export const protectedRoles = [breakGlass, ...pipelineRoles];

/** Findings accepted on purpose; each reason is shown in the review next to its finding. */
export const waivers = [
  waive('admin-in-sensitive-account', platformAdminsEverywhere, {
    reason:
      'The platform team runs every member account, production and security ones included; sessions last 1 hour, the management account is excluded, and protect-log-archive and the security-service guardrails still bind them.',
  }),
];
