import { protectedRole } from '@orgops/model';
import { ALLOWED_REGIONS } from './regions.ts';

/** A Region outside ALLOWED_REGIONS: break-glass must still be able to respond there. */
const OUTSIDE_ALLOWED_REGIONS = 'ap-southeast-2';
if (ALLOWED_REGIONS.includes(OUTSIDE_ALLOWED_REGIONS))
  throw new Error('pick a Region outside ALLOWED_REGIONS');

/**
 * Break-glass must keep, in every member account, what the guardrails deny everyone else: the
 * changes it exists to make (security services, identity, Block Public Access, Regions, IMDS, the
 * log archive) and a way into a quarantined account. `orgops lint` simulates each request against
 * every account's SCPs and RCPs (rule `guardrail-lockout`), so a guardrail change that would lock
 * break-glass out fails the review, naming the statement.
 */
export const breakGlass = protectedRole('break-glass', {
  in: 'member-accounts',
  assumedFromManagement: true,
  mustAllow: [
    'cloudtrail:StopLogging',
    'config:StopConfigurationRecorder',
    'guardduty:DeleteDetector',
    'securityhub:DisableSecurityHub',
    'organizations:LeaveOrganization',
    'iam:CreateUser',
    'iam:CreateAccessKey',
    'iam:PutRolePolicy',
    's3:PutAccountPublicAccessBlock',
    's3:DeleteObject',
    's3:GetObject',
    'ec2:ModifyInstanceMetadataOptions',
    { action: 'ec2:RunInstances', region: OUTSIDE_ALLOWED_REGIONS },
  ],
});

/**
 * The pipeline's roles live in the management account, where no SCP or RCP applies: listing them
 * makes lint prove it, and catches the day they move to a member account.
 */
export const pipelineRoles = [
  protectedRole('orgops-apply', {
    in: 'management-account',
    mustAllow: [
      'organizations:AttachPolicy',
      'organizations:DetachPolicy',
      'organizations:MoveAccount',
      'sso:CreateAccountAssignment',
      'sso:ProvisionPermissionSet',
    ],
  }),
  protectedRole('orgops-plan', {
    in: 'management-account',
    mustAllow: [
      'organizations:ListPoliciesForTarget',
      'sso:ListAccountAssignments',
      'identitystore:ListGroups',
    ],
  }),
];
