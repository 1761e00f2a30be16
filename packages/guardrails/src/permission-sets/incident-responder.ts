import type { IdentityPolicyDocument, PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * Containment actions on top of read access. Each is the first step of a playbook and none can
 * grant the responder more access: the only policy they can attach is `AWSDenyAll`.
 */
export const INCIDENT_CONTAINMENT_POLICY: IdentityPolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      // Compromised instance: swap in an isolation security group, detach its role, snapshot it.
      Sid: 'IsolateInstances',
      Effect: 'Allow',
      Action: [
        'ec2:CreateSecurityGroup',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupEgress',
        'ec2:ModifyInstanceAttribute',
        'ec2:ModifyNetworkInterfaceAttribute',
        'ec2:DisassociateIamInstanceProfile',
        'ec2:StopInstances',
        'ec2:CreateSnapshot',
        'ec2:CreateSnapshots',
      ],
      Resource: '*',
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
      // Compromised credentials: deactivate keys (never create or reactivate), remove the password.
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
      // Public bucket: block public access on the bucket (and the account, where no SCP forbids it).
      Sid: 'BlockPublicS3',
      Effect: 'Allow',
      Action: ['s3:PutBucketPublicAccessBlock', 's3:PutAccountPublicAccessBlock'],
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
      Action: [
        'guardduty:UpdateFindingsFeedback',
        'guardduty:ArchiveFindings',
        'securityhub:BatchUpdateFindings',
      ],
      Resource: '*',
    },
  ],
};

/**
 * Investigate and contain: `SecurityAudit` + `job-function/ViewOnlyAccess` to see, plus
 * {@link INCIDENT_CONTAINMENT_POLICY} to isolate instances, switch off credentials, block public
 * buckets and triage findings. Two-hour sessions: long enough for a containment, short enough
 * that the access lapses with the incident.
 *
 * Deliberately absent: deleting anything (evidence), writing inline policies (an inline policy is
 * a grant), starting instances, and reading data.
 *
 * @example
 * const responder = incidentResponder();
 */
export function incidentResponder(options: PermissionSetBlockOptions = {}): PermissionSet {
  return blockPermissionSet(
    {
      name: 'IncidentResponder',
      description:
        'Investigate and contain incidents: read, isolate, revoke credentials, block public access',
      sessionDuration: 'PT2H',
      managedPolicies: [AWS_MANAGED_POLICIES.SecurityAudit, AWS_MANAGED_POLICIES.ViewOnlyAccess],
      inlinePolicy: INCIDENT_CONTAINMENT_POLICY,
    },
    options,
  );
}
