import {
  account,
  assign,
  defineOrganization,
  FullAWSAccess,
  group,
  managementAccount,
  normalize,
  type OrganizationPolicy,
  organizationalUnit,
  organizationRoot,
} from '@orgops/model';
import { checkRow, createSimulator, type RequestRow, role, type Simulator } from '@orgops/simulate';
import { describe, expect, it } from 'vitest';
import {
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
  permissionSetRoleArnPattern,
  platformAdmin,
  protectLogArchive,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityServices,
  readOnly,
  regionAllowList,
  requireImdsV2,
  restrictBreakGlassAssumption,
  securityAudit,
} from '../src/index.ts';

export const ORGANIZATION_ID = 'o-a1b2c3d4e5';
export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';
export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
/** Ids of the test organization's accounts, and one outside it. */
export const ID = {
  workload: '111111111111',
  logArchive: '222222222222',
  quarantined: '333333333333',
  management: '444444444444',
  outside: '999999999999',
} as const;
export const ALLOWED_REGIONS = ['eu-west-1', 'us-east-1'];

/** An administrator role of an account: AdministratorAccess, no exemption. */
export const admin = (accountName = 'workload') =>
  role('platform/admin', accountName, { managedPolicies: [ADMINISTRATOR_ACCESS] });
/** The break-glass role, exempt from every guardrail. */
export const breakGlass = (accountName = 'workload') =>
  role('break-glass', accountName, { managedPolicies: [ADMINISTRATOR_ACCESS] });

const exempt = { exemptPrincipalArns: [BREAK_GLASS] };

/**
 * Every block, placed as a landing zone places them: organization-wide guardrails and the data
 * perimeter at the root, Region and IMDSv2 rules on Workloads, log protection on the log-archive
 * account, quarantine (SCP and RCP) on Suspended; break-glass is the only exemption.
 */
export function landingZone(): Simulator {
  const root = organizationRoot({
    policies: [
      FullAWSAccess,
      denyRootUser(),
      protectSecurityServices(exempt),
      denyLeaveOrganization(exempt),
      denyIamUsersAndAccessKeys({
        ...exempt,
        accessKeyStatusPrincipalArns: [permissionSetRoleArnPattern('IncidentResponder')],
      }),
      protectS3PublicAccessBlock(exempt),
      protectPrivilegedRoles({
        roleArns: [BREAK_GLASS],
        policyArns: ['arn:aws:iam::*:policy/break-glass/*'],
        ...exempt,
      }),
      restrictBreakGlassAssumption({ roleArns: [BREAK_GLASS], exemptPrincipalArns: [] }),
      enforceSecureTransport(),
      enforceOrganizationIdentities({ organizationId: ORGANIZATION_ID }),
      confusedDeputyProtection({ organizationId: ORGANIZATION_ID }),
    ],
  });
  const workloads = organizationalUnit('Workloads', {
    parent: root,
    policies: [FullAWSAccess, regionAllowList(ALLOWED_REGIONS, exempt), requireImdsV2(exempt)],
  });
  const security = organizationalUnit('Security', { parent: root });
  const suspended = organizationalUnit('Suspended', {
    parent: root,
    policies: [FullAWSAccess, denyAll(exempt), denyAllResourceAccess(exempt)],
  });
  const responder = incidentResponder({ privilegedRoleArns: [BREAK_GLASS] });
  const permissionSets = [platformAdmin(), developer(), responder, readOnly(), securityAudit()];
  const config = defineOrganization({
    policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    root,
    organizationalUnits: [workloads, security, suspended],
    accounts: [
      managementAccount({
        name: 'management',
        email: 'management@example.com',
        parent: root,
        id: ID.management,
      }),
      account({ name: 'workload', email: 'workload@example.com', parent: workloads, id: ID.workload }),
      account({
        name: 'log-archive',
        email: 'log-archive@example.com',
        parent: security,
        id: ID.logArchive,
        policies: [FullAWSAccess, protectLogArchive(exempt)],
      }),
      account({
        name: 'quarantined',
        email: 'quarantined@example.com',
        parent: suspended,
        id: ID.quarantined,
      }),
    ],
    defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
    permissionSets,
    assignments: permissionSets.map((ps) => assign(group(ps.name), ps, [root])),
  });
  return createSimulator(normalize(config), { organizationId: ORGANIZATION_ID });
}

/** One member account under a root carrying FullAWSAccess and the given policies, for one block's options. */
export function singleAccount(policies: readonly OrganizationPolicy[]): Simulator {
  const root = organizationRoot({ policies: [FullAWSAccess, ...policies] });
  const config = defineOrganization({
    policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    root,
    organizationalUnits: [],
    accounts: [
      managementAccount({
        name: 'management',
        email: 'management@example.com',
        parent: root,
        id: ID.management,
      }),
      account({ name: 'workload', email: 'workload@example.com', parent: root, id: ID.workload }),
    ],
    defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  });
  return createSimulator(normalize(config), { organizationId: ORGANIZATION_ID });
}

/** A describe block with one test per row: each row's decision, and what decided it. */
export function requestTable(title: string, simulator: () => Simulator, rows: readonly RequestRow[]): void {
  describe(title, () => {
    const sim = simulator();
    it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
      const outcome = await checkRow(sim, row);
      expect(outcome.problem ?? 'holds').toBe('holds');
    });
  });
}
