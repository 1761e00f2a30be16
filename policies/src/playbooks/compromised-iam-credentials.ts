import { AWS_MANAGED_POLICIES } from '@orgops/guardrails';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook } from './define.ts';
import { quarantineStep } from './quarantine-step.ts';

/**
 * An access key or a role session is used by someone else. Order matters: find every credential
 * of the principal first, then switch them all off at once, so the attacker cannot notice one
 * revocation and fall back on another credential.
 */
export const compromisedIamCredentials = definePlaybook({
  id: 'compromised-iam-credentials',
  title: 'Compromised IAM credentials (access key or role session)',
  severity: 'HIGH',
  trigger: {
    guardDutyFindingTypes: [
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS',
      'UnauthorizedAccess:IAMUser/MaliciousIPCaller',
      'UnauthorizedAccess:IAMUser/TorIPCaller',
      'CredentialAccess:IAMUser/AnomalousBehavior',
      'Discovery:IAMUser/AnomalousBehavior',
    ],
    securityHubControls: ['IAM.3'],
    cloudTrailEvents: [{ eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' }],
  },
  runAs: incidentResponder,
  appliesTo: ['/'],
  steps: [
    {
      kind: 'respond',
      id: 'read-finding',
      title: 'Read the finding and the principal it names',
      why: 'The finding gives the access key id or role session, the source IP and the first API calls: the scope of everything that follows.',
      actions: ['guardduty:GetFindings', 'securityhub:GetFindings'],
    },
    {
      kind: 'respond',
      id: 'inventory-credentials',
      title: 'List every credential of the principal and when each was last used',
      why: 'An attacker holding one key often created another; revoke them together, not one at a time.',
      actions: [
        'iam:ListAccessKeys',
        'iam:GetAccessKeyLastUsed',
        'iam:GetLoginProfile',
        'iam:GetRole',
        'iam:ListAttachedRolePolicies',
      ],
    },
    {
      kind: 'respond',
      id: 'trace-activity',
      title: 'Trace what the credential did in CloudTrail',
      why: 'Persistence (new roles, keys, trust changes) must be found before containment tips the attacker off.',
      actions: ['cloudtrail:LookupEvents'],
    },
    {
      kind: 'respond',
      id: 'deactivate-access-keys',
      title: 'Deactivate the access keys (do not delete them)',
      why: 'Inactive keys stop working at once and stay as evidence. deny-iam-users-and-access-keys lets only responders (and break-glass) change a key’s status, so nobody else can switch it back on.',
      actions: ['iam:UpdateAccessKey'],
    },
    {
      kind: 'respond',
      id: 'remove-console-password',
      title: 'Remove the console password, if any',
      why: 'A leaked key often travels with a password; only temporary credentials should remain.',
      actions: ['iam:DeleteLoginProfile'],
    },
    {
      kind: 'respond',
      id: 'attach-deny-all',
      title: 'Attach AWSDenyAll to the user or role',
      why: 'Stops every session at once, already-issued role sessions included, without writing a policy the responder could turn into a grant.',
      actions: ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'],
      context: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll },
    },
    quarantineStep({
      id: 'quarantine-account',
      title:
        'If the attacker reached beyond the principal (new users, roles, keys or trust policies), quarantine the whole account',
      why: 'Denying one principal cannot stop credentials nobody has found yet. In the quarantine OU, deny-all stops every principal inside and the quarantine RCP every principal outside, in one move no later plan undoes; only break-glass works there.',
    }),
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
      id: 'revoke-older-sessions',
      title: 'Revoke only the sessions issued before now, then lift AWSDenyAll',
      why: 'AWSDenyAll also stops the workload; the targeted revocation (an inline Deny on aws:TokenIssueTime, as the console does) lets fresh sessions resume.',
      actions: ['iam:PutRolePolicy', 'iam:DetachRolePolicy', 'iam:DetachUserPolicy'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'IAM cannot restrict the content of an inline policy, so iam:PutRolePolicy would let the responder grant itself anything; lifting a deny-all is a recovery decision, not containment.',
    },
    {
      kind: 'escalate',
      id: 'delete-credentials',
      title: 'Delete the compromised keys once the investigation is closed',
      why: 'Deactivated keys are evidence until the case is closed; deletion is the last step.',
      actions: ['iam:DeleteAccessKey'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason: 'The responder never deletes: deleting destroys evidence.',
    },
  ],
});
