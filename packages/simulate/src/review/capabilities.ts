/**
 * What a reviewer wants to know a change makes possible, each asked as a few concrete requests
 * (probes): "can this permission set, in this account, with its guardrails, change IAM?". A
 * capability is possible when any of its probes is allowed. Probes name a resource when the
 * escalation depends on it (a role that is not break-glass, AdministratorAccess as the policy to
 * attach); the others use an example resource of the action's type.
 */
export interface Probe {
  readonly action: string;
  /** `{account}` and `{region}` are filled in; absent: an example ARN of the action's resource type. */
  readonly resource?: string;
  /** Request context the probe needs, e.g. the policy an attach would attach. */
  readonly context?: Readonly<Record<string, string>>;
}

export interface Capability {
  readonly id: string;
  /** Completes "can now …". */
  readonly words: string;
  readonly probes: readonly Probe[];
  /** Only asked in the management account, where the organization and Identity Center are run. */
  readonly managementOnly?: boolean;
}

const ROLE = 'arn:aws:iam::{account}:role/orgops-review-probe';
const USER = 'arn:aws:iam::{account}:user/orgops-review-probe';
const POLICY = 'arn:aws:iam::{account}:policy/orgops-review-probe';
const ADMIN_POLICY = { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' };

export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'iam-write',
    words: 'change IAM',
    probes: [
      { action: 'iam:PutRolePolicy', resource: ROLE },
      { action: 'iam:AttachRolePolicy', resource: ROLE, context: ADMIN_POLICY },
      { action: 'iam:CreateRole', resource: ROLE },
      { action: 'iam:UpdateAssumeRolePolicy', resource: ROLE },
      { action: 'iam:CreateUser', resource: USER },
      { action: 'iam:CreateAccessKey', resource: USER },
    ],
  },
  {
    id: 'policy-version',
    words: 'rewrite customer managed policies',
    probes: [
      { action: 'iam:CreatePolicyVersion', resource: POLICY },
      { action: 'iam:SetDefaultPolicyVersion', resource: POLICY },
    ],
  },
  {
    id: 'pass-role',
    words: 'pass any role to a service',
    probes: [
      { action: 'iam:PassRole', resource: ROLE, context: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    ],
  },
  {
    id: 'assume-role',
    words: 'assume any role that trusts the account',
    probes: [{ action: 'sts:AssumeRole', resource: ROLE }],
  },
  {
    id: 'identity-center',
    words: 'change Identity Center assignments',
    probes: [{ action: 'sso:CreateAccountAssignment' }, { action: 'sso:PutInlinePolicyToPermissionSet' }],
    managementOnly: true,
  },
  {
    id: 'organizations',
    words: "change the organization's guardrails",
    probes: [{ action: 'organizations:DetachPolicy' }, { action: 'organizations:UpdatePolicy' }],
    managementOnly: true,
  },
  {
    id: 'disable-detection',
    words: 'turn off logging and detection',
    probes: [
      { action: 'cloudtrail:StopLogging' },
      { action: 'cloudtrail:DeleteTrail' },
      { action: 'guardduty:DeleteDetector' },
      { action: 'config:StopConfigurationRecorder' },
      { action: 'securityhub:DisableSecurityHub' },
    ],
  },
  {
    id: 'delete-data',
    words: 'delete data',
    probes: [
      { action: 's3:DeleteObject' },
      { action: 's3:DeleteBucket' },
      { action: 'dynamodb:DeleteTable' },
      { action: 'rds:DeleteDBInstance' },
      { action: 'kms:ScheduleKeyDeletion' },
    ],
  },
  {
    id: 'read-data',
    words: 'read data',
    probes: [
      { action: 's3:GetObject' },
      { action: 'secretsmanager:GetSecretValue' },
      { action: 'dynamodb:GetItem' },
      { action: 'kms:Decrypt' },
    ],
  },
  {
    id: 'network',
    words: 'open network paths',
    probes: [{ action: 'ec2:AuthorizeSecurityGroupIngress' }, { action: 'ec2:CreateInternetGateway' }],
  },
  {
    id: 'compute',
    words: 'run code',
    probes: [{ action: 'ec2:RunInstances' }, { action: 'lambda:CreateFunction' }],
  },
];

/** A probe's resource in an account and Region, when it names one. */
export function probeResource(probe: Probe, accountId: string, region: string): string | undefined {
  return probe.resource?.replaceAll('{account}', accountId).replaceAll('{region}', region);
}
