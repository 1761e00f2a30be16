import type { IdentityPolicyDocument, IdentityStatement, PermissionSet } from '@orgops/model';
import { checkedExemptions } from '../guardrail-options.ts';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * The tag an isolation security group carries. The responder tags the group when creating it
 * (and can tag nothing else), and can put only groups with this tag on a network interface.
 */
export const ISOLATION_TAG = { key: 'incident-response', value: 'isolation' } as const;

/**
 * Containment actions on top of read access. Each is the first step of a playbook and none can
 * grant the responder more access: the only policy they can attach is `AWSDenyAll`, the only
 * security group they can put on an interface is one they created empty, and finding triage
 * cannot suppress.
 */
export const INCIDENT_CONTAINMENT_POLICY: IdentityPolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      // Compromised instance: create an isolation group, tighten groups, detach the role, snapshot, stop.
      Sid: 'IsolateInstances',
      Effect: 'Allow',
      Action: [
        'ec2:CreateSecurityGroup',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupEgress',
        'ec2:DisassociateIamInstanceProfile',
        'ec2:StopInstances',
        'ec2:CreateSnapshot',
        'ec2:CreateSnapshots',
      ],
      Resource: '*',
    },
    {
      // Swapping an interface's groups needs the interface (and its instance and subnet)...
      Sid: 'SwapInterfaceGroups',
      Effect: 'Allow',
      Action: 'ec2:ModifyNetworkInterfaceAttribute',
      Resource: [
        'arn:aws:ec2:*:*:network-interface/*',
        'arn:aws:ec2:*:*:instance/*',
        'arn:aws:ec2:*:*:subnet/*',
      ],
    },
    {
      // ...and every group put on it, which must be an isolation group: no way to open a path.
      Sid: 'OnlyIsolationGroups',
      Effect: 'Allow',
      Action: 'ec2:ModifyNetworkInterfaceAttribute',
      Resource: 'arn:aws:ec2:*:*:security-group/*',
      Condition: { StringEquals: { [`aws:ResourceTag/${ISOLATION_TAG.key}`]: ISOLATION_TAG.value } },
    },
    {
      // Tags only on what the responder creates (evidence, isolation groups), not on anything else.
      Sid: 'TagEvidence',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: '*',
      Condition: {
        StringEquals: { 'ec2:CreateAction': ['CreateSecurityGroup', 'CreateSnapshot', 'CreateSnapshots'] },
      },
    },
    {
      // Compromised credentials: deactivate keys (the SCP lets only responders change a key's
      // status), remove the password.
      Sid: 'RevokeLongLivedCredentials',
      Effect: 'Allow',
      Action: ['iam:UpdateAccessKey', 'iam:DeleteLoginProfile'],
      Resource: '*',
    },
    {
      // Attaching AWSDenyAll stops every session of a user or role at once, issued ones included.
      Sid: 'AttachDenyAllOnly',
      Effect: 'Allow',
      Action: ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'],
      Resource: '*',
      Condition: { ArnEquals: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll } },
    },
    {
      // Public bucket: block public access on the bucket. The account-level setting is not here:
      // the same call clears it, and in the management account no SCP would stop that.
      Sid: 'BlockPublicS3',
      Effect: 'Allow',
      Action: 's3:PutBucketPublicAccessBlock',
      Resource: '*',
    },
    {
      // Tampering: turn logging and recording back on. Restarting only restores visibility; the
      // settings themselves stay with break-glass.
      Sid: 'RestoreRecording',
      Effect: 'Allow',
      Action: ['cloudtrail:StartLogging', 'config:StartConfigurationRecorder'],
      Resource: '*',
    },
    {
      Sid: 'TriageFindings',
      Effect: 'Allow',
      Action: ['guardduty:UpdateFindingsFeedback', 'securityhub:BatchUpdateFindings'],
      Resource: '*',
    },
    {
      // Triage records progress (NOTIFIED, RESOLVED); suppressing a finding hides it from everyone.
      Sid: 'NoSuppression',
      Effect: 'Deny',
      Action: 'securityhub:BatchUpdateFindings',
      Resource: '*',
      Condition: { StringEquals: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'SUPPRESSED' } },
    },
  ],
};

export interface IncidentResponderOptions extends PermissionSetBlockOptions {
  /**
   * Roles the responder must not contain (attach or detach policies on), typically the
   * break-glass and pipeline roles: containing those is break-glass's call. Matters most in the
   * management account, where no SCP (`protectPrivilegedRoles`) applies. Defaults to none.
   */
  readonly privilegedRoleArns?: readonly string[];
}

/**
 * Investigate and contain: `SecurityAudit` + `job-function/ViewOnlyAccess` to see, plus
 * {@link INCIDENT_CONTAINMENT_POLICY} to isolate network interfaces, switch off credentials, block
 * public buckets, restart recording and triage findings. Two-hour sessions: long enough for a
 * containment, short enough that the access lapses with the incident.
 *
 * Deliberately absent: deleting anything (evidence), writing inline policies (an inline policy is
 * a grant), changing instance attributes (user data runs as root at the next boot), account-level
 * Block Public Access, archiving or suppressing findings, starting instances, and reading data.
 *
 * @example
 * const responder = incidentResponder({ privilegedRoleArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function incidentResponder(options: IncidentResponderOptions = {}): PermissionSet {
  const privileged = checkedExemptions(
    'incidentResponder',
    options.privilegedRoleArns ?? [],
    'privilegedRoleArns',
  );
  const statements: IdentityStatement[] = [
    ...(INCIDENT_CONTAINMENT_POLICY.Statement as readonly IdentityStatement[]),
  ];
  if (privileged.length > 0) {
    statements.push({
      Sid: 'KeepOffPrivilegedRoles',
      Effect: 'Deny',
      Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      Resource: [...privileged],
    });
  }
  return blockPermissionSet(
    {
      name: 'IncidentResponder',
      description:
        'Investigate and contain incidents: read, isolate, revoke credentials, block public access',
      sessionDuration: 'PT2H',
      managedPolicies: [AWS_MANAGED_POLICIES.SecurityAudit, AWS_MANAGED_POLICIES.ViewOnlyAccess],
      inlinePolicy: { Version: '2012-10-17', Statement: statements },
    },
    options,
  );
}
