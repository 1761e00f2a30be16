import { group } from '@orgops/model';

// Access is granted to groups only: membership lives in the identity provider, and an access
// review reads "who is in platform-admins" instead of a list of people per account.
// These display names must exist in the Identity Center identity store.

export const platformAdmins = group('platform-admins');
export const developers = group('developers');
export const securityAuditors = group('security-auditors');
export const incidentResponders = group('incident-responders');
export const readOnlyUsers = group('read-only');
export const finopsTeam = group('finops');
