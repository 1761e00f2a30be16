import { developer, finops, incidentResponder, platformAdmin, readOnly, securityAudit } from '@org/policies';
import { assign } from '@orgops/model';
import { management } from './accounts.ts';
import {
  developers,
  finopsTeam,
  incidentResponders,
  platformAdmins,
  readOnlyUsers,
  securityAuditors,
} from './identity.ts';
import { nonProd, prod, root, sandbox } from './ous.ts';

// OU and root targets expand at plan time: a new account gets the right access on the next
// apply, and an account moved between OUs changes access with it.

// Not in the management account: no SCP binds it, so admin there could detach every guardrail.
// Organization changes go through the orgops pipeline; emergencies through break-glass.
export const platformAdminsEverywhere = assign(platformAdmins, platformAdmin, [root], {
  exclude: [management],
});

export const assignments = [
  platformAdminsEverywhere,

  // Build where mistakes are cheap; look, don't touch, in production.
  assign(developers, developer, [nonProd, sandbox]),
  assign(developers, readOnly, [prod]),

  // Auditors must see every account, the management account included, to audit the organization.
  assign(securityAuditors, securityAudit, [root]),

  // An incident can start anywhere, so containment is available everywhere; sessions last two hours.
  assign(incidentResponders, incidentResponder, [root]),

  // The management account holds the organization's structure and the bill: not for casual viewing.
  assign(readOnlyUsers, readOnly, [root], { exclude: [management] }),

  // Consolidated billing lives in the management account only.
  assign(finopsTeam, finops, [management]),
];
