import {
  account,
  assign,
  defineOrganization,
  FullAWSAccess,
  group,
  managementAccount,
  normalize,
  organizationalUnit,
  organizationRoot,
  permissionSet,
  resourceControlPolicy,
  serviceControlPolicy,
} from '@orgops/model';
import { adminPermissionSet, protectTrailPolicy, regionAllowListPolicy } from '@orgops/model/testing';

/** A small organization with one guardrail of each kind, enough to see every level decide. */
export const protectTrail = protectTrailPolicy();

const regions = regionAllowListPolicy('regions', ['iam:*', 'sts:*']);

const onlyS3 = serviceControlPolicy({
  name: 'only-s3',
  content: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  },
});

const perimeter = resourceControlPolicy({
  name: 'perimeter',
  content: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrgOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-simulation00' },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        },
      },
    ],
  },
});

const root = organizationRoot({ policies: [FullAWSAccess, protectTrail, perimeter] });
const workloads = organizationalUnit('Workloads', { parent: root, policies: [FullAWSAccess, regions] });
const prod = organizationalUnit('Prod', { parent: workloads });
/** An OU whose only SCP allows S3: everything else has no Allow at this level. */
const storage = organizationalUnit('Storage', { parent: root, policies: [onlyS3] });

const management = managementAccount({ name: 'management', email: 'mgmt@example.com', parent: root });
const app = account({ name: 'app-prod', email: 'app-prod@example.com', parent: prod });
const vault = account({ name: 'vault', email: 'vault@example.com', parent: storage, id: '222233334444' });

const admin = adminPermissionSet();
const viewer = permissionSet({
  name: 'Viewer',
  managedPolicies: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
  inlinePolicy: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'NoSecrets', Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' }],
  },
});
const custom = permissionSet({
  name: 'Custom',
  customerManagedPolicies: [{ name: 'team-policy' }],
});

export const config = defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
  root,
  organizationalUnits: [workloads, prod, storage],
  accounts: [management, app, vault],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [admin, viewer, custom],
  assignments: [
    assign(group('admins'), admin, [root]),
    assign(group('viewers'), viewer, [prod]),
    assign(group('custom'), custom, [prod]),
  ],
});

export const desired = normalize(config);
