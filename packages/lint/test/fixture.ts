import {
  account,
  assign,
  FullAWSAccess,
  group,
  managementAccount,
  type OrganizationConfig,
  type OrganizationOptions,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  protectedRole,
  resourceControlPolicy,
  serviceControlPolicy,
  validateConfig,
} from '@orgops/model';
import { organizationFixture } from '@orgops/model/testing';
import { type LintReport, lintConfig } from '../src/index.ts';

export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';

/** A Deny with the house exemption: break-glass only. */
export function denyWithExemption(
  action: string | readonly string[],
  exempt: readonly string[] = [BREAK_GLASS],
) {
  return {
    Version: '2012-10-17' as const,
    Statement: [
      {
        Effect: 'Deny' as const,
        Action: action,
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': exempt } },
      },
    ],
  };
}

/**
 * A small organization on which every lint rule is silent: a baseline SCP and RCP at the root,
 * break-glass exempt and protected, read-only access for a group, admin for platform outside
 * production and security. Each case derives one non-compliant (and one compliant) variant.
 */
export function lintBaseline() {
  const denyLeave = serviceControlPolicy({
    name: 'deny-leave-organization',
    content: denyWithExemption('organizations:LeaveOrganization'),
  });
  const secureTransport = resourceControlPolicy({
    name: 'secure-transport',
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', 'sts:*'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
  });
  const root = organizationRoot({ policies: [FullAWSAccess, denyLeave, secureTransport] });
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', { parent: root });
  const prod = organizationalUnit('Prod', { parent: workloads });
  const dev = organizationalUnit('Dev', { parent: workloads });
  const management = managementAccount({
    name: 'management',
    email: 'aws+management@example.com',
    parent: root,
  });
  const logArchive = account({ name: 'log-archive', email: 'aws+log-archive@example.com', parent: security });
  const payments = account({ name: 'payments-prod', email: 'aws+payments-prod@example.com', parent: prod });
  const sandbox = account({ name: 'payments-dev', email: 'aws+payments-dev@example.com', parent: dev });
  const readOnly = permissionSet({
    name: 'ReadOnly',
    sessionDuration: 'PT4H',
    managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  });
  const admin = permissionSet({
    name: 'Admin',
    sessionDuration: 'PT1H',
    managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  });
  const developers = group('Developers');
  const platform = group('Platform');
  const readOnlyForDevelopers = assign(developers, readOnly, [workloads]);
  const adminInDev = assign(platform, admin, [dev]);
  const breakGlass = protectedRole('break-glass', {
    in: 'member-accounts',
    assumedFromManagement: true,
    mustAllow: ['organizations:LeaveOrganization', 's3:GetObject'],
  });
  const options: OrganizationOptions = {
    policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    root,
    organizationalUnits: [security, workloads, prod, dev],
    accounts: [management, logArchive, payments, sandbox],
    defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
    permissionSets: [readOnly, admin],
    assignments: [readOnlyForDevelopers, adminInDev],
    baseline: [denyLeave, secureTransport],
    protectedRoles: [breakGlass],
  };
  return organizationFixture(
    {
      denyLeave,
      secureTransport,
      root,
      security,
      workloads,
      prod,
      dev,
      management,
      logArchive,
      payments,
      sandbox,
      readOnly,
      admin,
      developers,
      platform,
      readOnlyForDevelopers,
      adminInDev,
      breakGlass,
    },
    options,
  );
}

/** Validates then lints; a config the validator refuses fails the test with its errors. */
export async function lint(config: OrganizationConfig): Promise<LintReport> {
  const v = validateConfig(config);
  if (!v.ok)
    throw new Error(`the config does not validate: ${JSON.stringify(v.errors.map((e) => [e.code, e.path]))}`);
  return lintConfig(v.value);
}
