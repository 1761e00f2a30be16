import {
  account,
  accountsTagged,
  assign,
  FullAWSAccess,
  group,
  managementAccount,
  type OrganizationOptions,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  serviceControlPolicy,
  trustedService,
} from '../src/index.ts';
import { denyS3Policy, organizationFixture } from '../src/testing/index.ts';

/**
 * A small, valid organization: every rule is silent on it. Tests derive one non-compliant (and one
 * compliant) variant per rule from it, so each case isolates exactly one problem.
 */
export function baseline() {
  const denyLeave = serviceControlPolicy({
    name: 'deny-leave-organization',
    description: 'Accounts cannot leave the organization',
    content: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
    },
  });
  const denyExternalS3 = denyS3Policy('deny-external-s3', {
    StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' },
  });
  const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
  const security = organizationalUnit('Security', { parent: root });
  const workloads = organizationalUnit('Workloads', { parent: root, tags: { CostCenter: 'platform' } });
  const prod = organizationalUnit('Prod', { parent: workloads, policies: [FullAWSAccess, denyExternalS3] });
  const management = managementAccount({
    name: 'management',
    email: 'aws+management@example.com',
    id: '111111111111',
    parent: root,
  });
  const logArchive = account({ name: 'log-archive', email: 'aws+log-archive@example.com', parent: security });
  const payments = account({
    name: 'payments-prod',
    email: 'aws+payments-prod@example.com',
    id: '222222222222',
    parent: prod,
    tags: { team: 'payments', 'cost:center': 'CC-42' },
  });
  const readOnly = permissionSet({
    name: 'ReadOnly',
    description: 'Read-only access to every service',
    sessionDuration: 'PT4H',
    managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  });
  const developers = group('Developers');
  const readOnlyForDevelopers = assign(
    developers,
    readOnly,
    [workloads, accountsTagged('team', 'payments')],
    {
      exclude: [management],
    },
  );
  const guardduty = trustedService('guardduty.amazonaws.com', { delegatedAdministrator: logArchive });
  const options: OrganizationOptions = {
    policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    root,
    organizationalUnits: [security, workloads, prod],
    accounts: [management, logArchive, payments],
    defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
    permissionSets: [readOnly],
    assignments: [readOnlyForDevelopers],
    trustedServices: [guardduty],
    ignore: { policies: ['aws-guardrails-*'], permissionSets: ['AWSControlTower*'] },
  };
  return organizationFixture(
    {
      denyLeave,
      denyExternalS3,
      root,
      security,
      workloads,
      prod,
      management,
      logArchive,
      payments,
      readOnly,
      developers,
      readOnlyForDevelopers,
      guardduty,
    },
    options,
  );
}
