import type { OrganizationPolicy, PermissionSet } from '@orgops/model';
import {
  billing,
  confusedDeputyProtection,
  denyAll,
  denyIamUsersAndAccessKeys,
  denyLeaveOrganization,
  denyRootUser,
  developer,
  enforceOrganizationIdentities,
  enforceSecureTransport,
  incidentResponder,
  platformAdmin,
  protectAccessAnalyzer,
  protectCloudTrail,
  protectConfig,
  protectGuardDuty,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityHub,
  protectSecurityServices,
  readOnly,
  regionAllowList,
  requireImdsV2,
  securityAudit,
} from '../src/index.ts';

export const PIPELINE = 'arn:aws:iam::*:role/orgops-apply';
export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';
export const EXEMPT = [PIPELINE, BREAK_GLASS];
export const exempt = { exemptPrincipalArns: EXEMPT };

/** SCPs that take `exemptPrincipalArns`, built with the two exemptions above. */
export function exemptibleScps(): OrganizationPolicy[] {
  return [
    protectCloudTrail(exempt),
    protectConfig(exempt),
    protectGuardDuty(exempt),
    protectSecurityHub(exempt),
    protectAccessAnalyzer(exempt),
    protectSecurityServices(exempt),
    denyLeaveOrganization(exempt),
    regionAllowList(['us-east-1', 'eu-west-1'], exempt),
    denyIamUsersAndAccessKeys(exempt),
    protectS3PublicAccessBlock(exempt),
    requireImdsV2(exempt),
    denyAll(exempt),
    protectPrivilegedRoles({ roleArns: EXEMPT, ...exempt }),
  ];
}

/** Every SCP block. */
export function allScps(): OrganizationPolicy[] {
  return [...exemptibleScps(), denyRootUser(), denyRootUser({ allowCentralizedRootSessions: false })];
}

/** Every RCP block, with and without options. */
export function allRcps(): OrganizationPolicy[] {
  return [
    enforceSecureTransport(),
    enforceOrganizationIdentities(),
    enforceOrganizationIdentities({
      organizationId: 'o-a1b2c3d4e5',
      trustedAccountIds: ['111122223333', '444455556666'],
      exclusionTagKey: 'dp:exclude:identity',
    }),
    confusedDeputyProtection(),
  ];
}

/** Every permission-set block. */
export function allPermissionSets(): PermissionSet[] {
  return [
    readOnly(),
    readOnly({ name: 'DataReader', includeData: true }),
    developer(),
    developer({ name: 'NoPassRole', passRolePath: false }),
    platformAdmin(),
    securityAudit(),
    incidentResponder(),
    billing(),
  ];
}
