import { permissionSet } from '@orgops/simulate';
import { example, idOf, requestTable } from './example.ts';

const sim = example();
const mgmt = idOf(sim, 'management');
const DENY_ALL = 'arn:aws:iam::aws:policy/AWSDenyAll';
const responderInManagement = permissionSet('IncidentResponder', 'management');

requestTable('permission sets as assigned', () => sim, [
  {
    name: 'Developer builds in NonProd',
    principal: permissionSet('Developer', 'data-dev'),
    action: 'lambda:CreateFunction',
    region: 'eu-west-1',
    expect: 'Allowed',
  },
  {
    name: 'Developer cannot create an Identity Center account instance',
    principal: permissionSet('Developer', 'data-dev'),
    action: 'sso:CreateInstance',
    expect: 'ExplicitlyDenied',
    audit: 'issue-7/6c',
  },
  {
    name: 'Developer cannot write identity-store users',
    principal: permissionSet('Developer', 'sandbox'),
    action: 'identitystore:CreateUser',
    expect: 'ExplicitlyDenied',
    by: 'inline/NoIdentityCenter',
    audit: 'issue-7/6c',
  },
  {
    name: 'Developer cannot create permission sets',
    principal: permissionSet('Developer', 'sandbox'),
    action: 'sso:CreatePermissionSet',
    expect: 'ExplicitlyDenied',
    by: 'inline/NoIdentityCenter',
    audit: 'issue-7/6c',
  },
  {
    name: 'developers only look in Prod',
    principal: permissionSet('ReadOnly', 'payments-prod'),
    action: 'ec2:DescribeInstances',
    expect: 'Allowed',
  },
  {
    name: 'and cannot change anything there',
    principal: permissionSet('ReadOnly', 'payments-prod'),
    action: 'ec2:TerminateInstances',
    expect: 'ImplicitlyDenied',
  },
  {
    name: 'FinOps reads the bill in the management account',
    principal: permissionSet('FinOps', 'management'),
    action: 'ce:GetCostAndUsage',
    expect: 'Allowed',
  },
  {
    name: 'IncidentResponder cannot turn account-level Block Public Access off in the management account',
    principal: responderInManagement,
    action: 's3:PutAccountPublicAccessBlock',
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6g',
  },
  {
    name: 'IncidentResponder cannot attach AWSDenyAll to orgops-apply in the management account',
    principal: responderInManagement,
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${mgmt}:role/orgops-apply`,
    context: { 'iam:PolicyARN': DENY_ALL },
    expect: 'ExplicitlyDenied',
    by: 'inline/KeepOffPrivilegedRoles',
    audit: 'issue-7/6g',
  },
  {
    name: 'it still contains any other role there',
    principal: responderInManagement,
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${mgmt}:role/finops-reporting`,
    context: { 'iam:PolicyARN': DENY_ALL },
    expect: 'Allowed',
  },
  {
    name: 'IncidentResponder changes no instance attribute',
    principal: permissionSet('IncidentResponder', 'payments-prod'),
    action: 'ec2:ModifyInstanceAttribute',
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6f',
  },
  {
    name: 'nor suppresses a finding',
    principal: permissionSet('IncidentResponder', 'security-tooling'),
    action: 'securityhub:BatchUpdateFindings',
    context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'SUPPRESSED' },
    expect: 'ExplicitlyDenied',
    by: 'inline/NoSuppression',
    audit: 'issue-7/6f',
  },
  {
    name: 'nor archives GuardDuty findings',
    principal: permissionSet('IncidentResponder', 'security-tooling'),
    action: 'guardduty:ArchiveFindings',
    expect: 'ImplicitlyDenied',
    audit: 'issue-7/6f',
  },
  {
    name: 'trade-off: SecurityAudit reads Lambda environment variables (description says so)',
    principal: permissionSet('SecurityAudit', 'payments-prod'),
    action: 'lambda:GetFunctionConfiguration',
    expect: 'Allowed',
    audit: 'issue-7/6h',
  },
  {
    name: 'SecurityAudit reads no secret value',
    principal: permissionSet('SecurityAudit', 'payments-prod'),
    action: 'secretsmanager:GetSecretValue',
    expect: 'ImplicitlyDenied',
  },
]);
