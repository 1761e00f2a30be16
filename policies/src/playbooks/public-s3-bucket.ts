import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook } from './define.ts';

/**
 * A bucket became readable or writable by anyone. Bucket-level Block Public Access overrides any
 * bucket policy or ACL, so it closes the exposure in one call without touching the policy that
 * caused it, which stays as evidence.
 */
export const publicS3Bucket = definePlaybook({
  id: 'public-s3-bucket',
  title: 'Public S3 bucket exposure',
  severity: 'HIGH',
  trigger: {
    guardDutyFindingTypes: [
      'Policy:S3/BucketBlockPublicAccessDisabled',
      'Policy:S3/BucketAnonymousAccessGranted',
      'Policy:S3/BucketPublicAccessGranted',
      'Policy:S3/AccountBlockPublicAccessDisabled',
    ],
    securityHubControls: ['S3.1', 'S3.2', 'S3.3', 'S3.8'],
    cloudTrailEvents: [
      { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy' },
      { eventSource: 's3.amazonaws.com', eventName: 'PutBucketAcl' },
      { eventSource: 's3.amazonaws.com', eventName: 'DeleteBucketPublicAccessBlock' },
    ],
  },
  runAs: incidentResponder,
  appliesTo: ['/'],
  steps: [
    {
      kind: 'respond',
      id: 'read-finding',
      title: 'Read the finding: bucket, account, and how it became public',
      why: 'Policy, ACL or a removed Block Public Access setting each need a different follow-up.',
      actions: ['guardduty:GetFindings', 'securityhub:GetFindings'],
    },
    {
      kind: 'respond',
      id: 'inspect-bucket',
      title: 'Record the bucket policy, ACL, Block Public Access and policy status',
      why: 'Capture the exposing configuration before changing anything: it is the evidence of what was public.',
      actions: [
        's3:GetBucketPolicy',
        's3:GetBucketAcl',
        's3:GetBucketPublicAccessBlock',
        's3:GetBucketPolicyStatus',
        's3:GetAccountPublicAccessBlock',
      ],
    },
    {
      kind: 'respond',
      id: 'block-public-access',
      title: 'Turn on all four Block Public Access settings on the bucket',
      why: 'Overrides the public policy and ACLs at once, and leaves them in place for the investigation.',
      actions: ['s3:PutBucketPublicAccessBlock'],
    },
    {
      kind: 'respond',
      id: 'find-who',
      title: 'Find who made it public and whether it was read',
      why: 'The change event names the principal (possibly compromised: run compromised-iam-credentials); data events show access.',
      actions: ['cloudtrail:LookupEvents'],
    },
    {
      kind: 'respond',
      id: 'record-triage',
      title: 'Mark the finding as in progress with a note',
      why: 'Security Hub workflow status is the shared record of who is handling what.',
      actions: ['securityhub:BatchUpdateFindings'],
      context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED' },
    },
    {
      kind: 'escalate',
      id: 'restore-account-block-public-access',
      title: 'If account-level Block Public Access was turned off, turn it back on',
      why: 'Account-level settings protect every bucket, including the next one created.',
      actions: ['s3:PutAccountPublicAccessBlock'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'The same API sets and clears the setting, so protect-s3-public-access-block denies it to everyone but break-glass in member accounts, and the responder does not hold it (in the management account nothing else would stop it); only break-glass or the management account can have turned it off, which makes this a privileged-role incident.',
    },
    {
      kind: 'escalate',
      id: 'fix-resource-policy',
      title: 'Remove the public grant from the bucket policy or ACL at its source',
      why: 'Block Public Access contains; the owning team removes the cause through its pipeline, or break-glass if it cannot wait.',
      actions: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason: 'A resource policy is a grant: the responder does not write grants.',
    },
  ],
});
