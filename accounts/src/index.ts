import {
  developer,
  finops,
  incidentResponder,
  platformAdmin,
  playbooks,
  quarantine,
  quarantineResources,
  readOnly,
  securityAudit,
} from '@org/policies';
import { defineOrganization, defineQuarantine, FullAWSAccess } from '@orgops/model';
import { accounts } from './accounts.ts';
import { assignments } from './assignments.ts';
import { organizationalUnits, root, suspended } from './ous.ts';
import { baseline, protectedRoles, waivers } from './review.ts';
import { trustedServices } from './services.ts';

/**
 * This organization. Read ous.ts for the shape and the guardrails, accounts.ts for who lives
 * where, assignments.ts for who may do what, services.ts for the security services, and review.ts
 * for what `orgops lint` holds the organization to.
 */
export default defineOrganization({
  policyTypes: [
    'SERVICE_CONTROL_POLICY',
    'RESOURCE_CONTROL_POLICY',
    'TAG_POLICY',
    'AISERVICES_OPT_OUT_POLICY',
  ],
  root,
  organizationalUnits,
  accounts,
  // Deny-list strategy: every target that lists no SCP of its own starts from FullAWSAccess.
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [readOnly, developer, platformAdmin, securityAudit, incidentResponder, finops],
  assignments,
  trustedServices,
  // `orgops quarantine ACCOUNT --reason …` contains an account here in one move; no plan moves it
  // out again unless its config says release. The playbooks' next steps are printed after it.
  quarantine: defineQuarantine({
    organizationalUnit: suspended,
    guardrails: [quarantine, quarantineResources],
    playbooks,
  }),
  // Control Tower manages its own guardrails and permission sets; orgops leaves them alone.
  ignore: { policies: ['aws-guardrails-*'], permissionSets: ['AWSControlTower*'] },
  baseline,
  protectedRoles,
  waivers,
});
