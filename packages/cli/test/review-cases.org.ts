/**
 * The organization the review cases are played on (issue 6): guardrails with exempt principals
 * and a Region allow-list, a Security OU, production and non-production workloads, and a
 * ReadOnly permission set held by group read-only at the root, the management account included
 * (10 accounts: the sandbox's default account quota). Each case is this config with one edit.
 *
 *   /                    FullAWSAccess, protect-security-services, deny-leave-organization
 *   /Security            log-archive, security-tooling
 *   /Infrastructure      shared-services
 *   /Workloads           region-allow-list
 *   /Workloads/Prod      payments-prod, data-prod, web-prod
 *   /Workloads/NonProd   payments-dev, data-dev
 *   /Sandbox             sandbox
 *   management
 */
export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';

export interface Edit {
  readonly exempt?: readonly string[];
  readonly regions?: readonly string[];
  readonly readOnlyManaged?: readonly string[];
  readonly readOnlyInline?: unknown;
  readonly sandboxRegions?: boolean;
}

export function organizationSource(edit: Edit = {}): string {
  const exempt = JSON.stringify(edit.exempt ?? [BREAK_GLASS]);
  const regions = JSON.stringify(edit.regions ?? ['eu-west-1', 'us-east-1']);
  const managed = JSON.stringify(edit.readOnlyManaged ?? ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  const inline = edit.readOnlyInline ? `, inlinePolicy: ${JSON.stringify(edit.readOnlyInline)}` : '';
  return `import { account, assign, defineOrganization, FullAWSAccess, group, managementAccount, organizationalUnit,
  organizationRoot, permissionSet, serviceControlPolicy, trustedService } from '@orgops/model';

const exempt = { ArnNotLike: { 'aws:PrincipalArn': ${exempt} } };
const protectSecurityServices = serviceControlPolicy({ name: 'protect-security-services', content: { Version: '2012-10-17',
  Statement: [
    { Sid: 'ProtectCloudTrail', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*', Condition: exempt },
    { Sid: 'ProtectGuardDuty', Effect: 'Deny', Action: ['guardduty:DeleteDetector', 'guardduty:DisassociateFromAdministratorAccount'], Resource: '*', Condition: exempt },
    { Sid: 'ProtectConfig', Effect: 'Deny', Action: ['config:StopConfigurationRecorder', 'config:DeleteConfigurationRecorder'], Resource: '*', Condition: exempt },
  ] } });
const denyLeave = serviceControlPolicy({ name: 'deny-leave-organization', content: { Version: '2012-10-17',
  Statement: [{ Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*', Condition: exempt }] } });
const regions = serviceControlPolicy({ name: 'region-allow-list', content: { Version: '2012-10-17',
  Statement: [{ Sid: 'DenyOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*'],
    Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ${regions} }, ...exempt } }] } });

export const root = organizationRoot({ policies: [FullAWSAccess, protectSecurityServices, denyLeave] });
const security = organizationalUnit('Security', { parent: root });
const infrastructure = organizationalUnit('Infrastructure', { parent: root });
const workloads = organizationalUnit('Workloads', { parent: root, policies: [FullAWSAccess, regions] });
const prod = organizationalUnit('Prod', { parent: workloads });
const nonProd = organizationalUnit('NonProd', { parent: workloads });
const sandboxOu = organizationalUnit('Sandbox', { parent: root${edit.sandboxRegions ? ', policies: [FullAWSAccess, regions]' : ''} });

const management = managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root });
const member = (name: string, parent: typeof root, tags: Record<string, string> = {}) =>
  account({ name, email: \`aws+\${name}@example.com\`, parent, tags });

const readOnly = permissionSet({ name: 'ReadOnly', sessionDuration: 'PT4H', managedPolicies: ${managed}${inline} });
const platformAdmin = permissionSet({ name: 'PlatformAdmin', sessionDuration: 'PT1H',
  managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });

export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [security, infrastructure, workloads, prod, nonProd, sandboxOu],
  accounts: [
    management,
    member('log-archive', security),
    member('security-tooling', security),
    member('shared-services', infrastructure),
    member('payments-prod', prod, { environment: 'prod' }),
    member('data-prod', prod, { environment: 'prod' }),
    member('web-prod', prod, { environment: 'prod' }),
    member('payments-dev', nonProd),
    member('data-dev', nonProd),
    member('sandbox', sandboxOu),
  ],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [readOnly, platformAdmin],
  assignments: [
    assign(group('read-only'), readOnly, [root]),
    assign(group('platform-admins'), platformAdmin, [workloads, sandboxOu]),
  ],
  trustedServices: [trustedService('sso.amazonaws.com')],
});
`;
}
