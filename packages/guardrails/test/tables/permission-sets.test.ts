import { permissionSet } from '@orgops/simulate';
import { ISOLATION_TAG } from '../../src/index.ts';
import { ID, landingZone, requestTable } from '../table.ts';

const dev = permissionSet('Developer', 'workload');
const responder = permissionSet('IncidentResponder', 'workload');
const responderInManagement = permissionSet('IncidentResponder', 'management');
const viewer = permissionSet('ReadOnly', 'workload');
const auditor = permissionSet('SecurityAudit', 'workload');
const REGION = 'eu-west-1';
const eni = `arn:aws:ec2:${REGION}:${ID.workload}:network-interface/eni-0example`;
const sg = (id: string) => `arn:aws:ec2:${REGION}:${ID.workload}:security-group/${id}`;
const instance = `arn:aws:ec2:${REGION}:${ID.workload}:instance/i-0example`;
const DENY_ALL = 'arn:aws:iam::aws:policy/AWSDenyAll';

requestTable('developer', landingZone, [
  {
    name: 'builds and runs workloads',
    principal: dev,
    action: 'lambda:CreateFunction',
    region: REGION,
    expect: 'Allowed',
  },
  { name: 'reads IAM', principal: dev, action: 'iam:GetRole', expect: 'Allowed' },
  {
    name: 'passes application roles',
    principal: dev,
    action: 'iam:PassRole',
    resource: `arn:aws:iam::${ID.workload}:role/app/web`,
    expect: 'Allowed',
  },
  {
    name: 'but no other role',
    principal: dev,
    action: 'iam:PassRole',
    resource: `arn:aws:iam::${ID.workload}:role/platform/admin`,
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'creates service-linked roles',
    principal: dev,
    action: 'iam:CreateServiceLinkedRole',
    expect: 'Allowed',
  },
  { name: 'writes no IAM', principal: dev, action: 'iam:CreateRole', expect: 'ImplicitlyDenied' },
  {
    name: 'cannot create an Identity Center account instance',
    principal: dev,
    action: 'sso:CreateInstance',
    expect: 'ExplicitlyDenied',
    by: 'inline/NoIdentityCenter',
    audit: 'issue-7/6c',
  },
  {
    name: 'nor identity-store users',
    principal: dev,
    action: 'identitystore:CreateUser',
    expect: 'ExplicitlyDenied',
    by: 'inline/NoIdentityCenter',
    audit: 'issue-7/6c',
  },
  {
    name: 'nor permission sets',
    principal: dev,
    action: 'sso:CreatePermissionSet',
    expect: 'ExplicitlyDenied',
    by: 'inline/NoIdentityCenter',
    audit: 'issue-7/6c',
  },
]);

requestTable('incidentResponder', landingZone, [
  {
    name: 'puts an isolation group on an interface',
    principal: responder,
    action: 'ec2:ModifyNetworkInterfaceAttribute',
    resource: sg('sg-0isolation'),
    region: REGION,
    context: { [`aws:ResourceTag/${ISOLATION_TAG.key}`]: ISOLATION_TAG.value },
    expect: 'Allowed',
  },
  {
    name: 'on the interface itself',
    principal: responder,
    action: 'ec2:ModifyNetworkInterfaceAttribute',
    resource: eni,
    region: REGION,
    expect: 'Allowed',
  },
  {
    name: 'but no group that is not an isolation group (it could open a path)',
    principal: responder,
    action: 'ec2:ModifyNetworkInterfaceAttribute',
    resource: sg('sg-0open'),
    region: REGION,
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6f',
  },
  {
    name: 'changes no instance attribute (user data runs as root at boot)',
    principal: responder,
    action: 'ec2:ModifyInstanceAttribute',
    resource: instance,
    region: REGION,
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6f',
  },
  {
    name: 'tags the isolation group it creates',
    principal: responder,
    action: 'ec2:CreateTags',
    resource: sg('sg-0isolation'),
    region: REGION,
    context: { 'ec2:CreateAction': 'CreateSecurityGroup' },
    expect: 'Allowed',
  },
  {
    name: 'tags nothing else',
    principal: responder,
    action: 'ec2:CreateTags',
    resource: sg('sg-0open'),
    region: REGION,
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'stops and snapshots',
    principal: responder,
    action: 'ec2:StopInstances',
    resource: instance,
    region: REGION,
    expect: 'Allowed',
  },
  {
    name: 'attaches AWSDenyAll to a role',
    principal: responder,
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${ID.workload}:role/app/web`,
    context: { 'iam:PolicyARN': DENY_ALL },
    expect: 'Allowed',
  },
  {
    name: 'and no other policy',
    principal: responder,
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${ID.workload}:role/app/web`,
    context: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' },
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'blocks public access on a bucket',
    principal: responder,
    action: 's3:PutBucketPublicAccessBlock',
    resource: 'arn:aws:s3:::exposed',
    expect: 'Allowed',
  },
  {
    name: 'cannot touch account-level Block Public Access, even where no SCP stops it',
    principal: responderInManagement,
    action: 's3:PutAccountPublicAccessBlock',
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6g',
  },
  {
    name: 'cannot contain break-glass in the management account (no SCP there)',
    principal: responderInManagement,
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${ID.management}:role/break-glass`,
    context: { 'iam:PolicyARN': DENY_ALL },
    expect: 'ExplicitlyDenied',
    by: 'inline/KeepOffPrivilegedRoles',
    audit: 'issue-7/6g',
  },
  {
    name: 'triages findings',
    principal: responder,
    action: 'securityhub:BatchUpdateFindings',
    context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED' },
    expect: 'Allowed',
  },
  {
    name: 'but cannot suppress them',
    principal: responder,
    action: 'securityhub:BatchUpdateFindings',
    context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'SUPPRESSED' },
    expect: 'ExplicitlyDenied',
    by: 'inline/NoSuppression',
    audit: 'issue-7/6f',
  },
  {
    name: 'nor archive GuardDuty findings',
    principal: responder,
    action: 'guardduty:ArchiveFindings',
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6f',
  },
  {
    name: 'restarts CloudTrail logging',
    principal: responder,
    action: 'cloudtrail:StartLogging',
    expect: 'Allowed',
  },
  {
    name: 'reads no data',
    principal: responder,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-data/report.csv',
    expect: 'ImplicitlyDenied',
  },
]);

requestTable('readOnly and securityAudit', landingZone, [
  { name: 'ReadOnly lists resources', principal: viewer, action: 'ec2:DescribeInstances', expect: 'Allowed' },
  {
    name: 'ReadOnly reads no objects',
    principal: viewer,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-data/report.csv',
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'SecurityAudit reads no secret values',
    principal: auditor,
    action: 'secretsmanager:GetSecretValue',
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'SecurityAudit reads no objects',
    principal: auditor,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-data/report.csv',
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'trade-off: SecurityAudit reads Lambda configuration, environment variables included',
    principal: auditor,
    action: 'lambda:GetFunctionConfiguration',
    expect: 'Allowed',
    audit: 'issue-7/6h',
  },
  {
    name: 'trade-off: and CodeBuild projects, environment variables included',
    principal: auditor,
    action: 'codebuild:BatchGetProjects',
    expect: 'Allowed',
    audit: 'issue-7/6h',
  },
  {
    name: 'trade-off: ReadOnly lists functions, and the listing carries environment variables',
    principal: viewer,
    action: 'lambda:ListFunctions',
    expect: 'Allowed',
    audit: 'issue-7/6h',
  },
]);
