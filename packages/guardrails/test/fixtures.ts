import type { OrganizationPolicy, PermissionSet } from '@orgops/model';
import {
  billing,
  confusedDeputyProtection,
  denyAll,
  denyAllResourceAccess,
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
  protectLogArchive,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityHub,
  protectSecurityServices,
  RESOURCE_ORGANIZATION,
  readOnly,
  regionAllowList,
  requireImdsV2,
  restrictBreakGlassAssumption,
  securityAudit,
} from '../src/index.ts';

export const PIPELINE = 'arn:aws:iam::*:role/orgops-apply';
export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';
export const EXEMPT = [PIPELINE, BREAK_GLASS];
export const exempt = { exemptPrincipalArns: EXEMPT };
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

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
    denyIamUsersAndAccessKeys({
      ...exempt,
      accessKeyStatusPrincipalArns: [
        'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_IncidentResponder_*',
      ],
    }),
    protectS3PublicAccessBlock(exempt),
    requireImdsV2(exempt),
    denyAll(exempt),
    protectPrivilegedRoles({ roleArns: EXEMPT, ...exempt }),
    protectPrivilegedRoles({
      roleArns: EXEMPT,
      policyArns: ['arn:aws:iam::*:policy/break-glass/*'],
      ...exempt,
    }),
    restrictBreakGlassAssumption({ roleArns: [BREAK_GLASS], ...exempt }),
    protectLogArchive(exempt),
    protectLogArchive({
      ...exempt,
      bucketArns: ['arn:aws:s3:::org-trail-*'],
      keyArns: ['arn:aws:kms:*:*:key/*'],
    }),
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
    enforceOrganizationIdentities({ organizationId: RESOURCE_ORGANIZATION }),
    enforceOrganizationIdentities({
      organizationId: ORGANIZATION_ID,
      trustedAccountIds: ['111122223333', '444455556666'],
      exclusionTagKey: 'dp:exclude:identity',
    }),
    confusedDeputyProtection({ organizationId: ORGANIZATION_ID }),
    confusedDeputyProtection({ organizationId: RESOURCE_ORGANIZATION }),
    denyAllResourceAccess(exempt),
    denyAllResourceAccess({ exemptPrincipalArns: [] }),
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
    incidentResponder({ name: 'GuardedResponder', privilegedRoleArns: EXEMPT }),
    billing(),
  ];
}
