import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook } from './define.ts';
import { quarantineStep } from './quarantine-step.ts';

/**
 * Someone signed in or called an API as the root user. deny-root-user denies root every action in
 * member accounts, so activity there is either a denied attempt (someone holds the root password),
 * a centralized root session (`sts:AssumeRoot`, which should match a ticket), or the management
 * account, where no SCP applies.
 */
export const rootUserActivity = definePlaybook({
  id: 'root-user-activity',
  title: 'Root user activity',
  severity: 'CRITICAL',
  trigger: {
    guardDutyFindingTypes: ['Policy:IAMUser/RootCredentialUsage'],
    securityHubControls: ['CloudWatch.1', 'IAM.4', 'IAM.6'],
    cloudTrailEvents: [{ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin' }],
  },
  runAs: incidentResponder,
  appliesTo: ['/'],
  steps: [
    {
      kind: 'respond',
      id: 'read-finding',
      title: 'Read the finding: account, source IP, and what root called',
      why: 'The account decides the path: the management account has no SCP between root and everything.',
      actions: ['guardduty:GetFindings', 'securityhub:GetFindings'],
    },
    {
      kind: 'respond',
      id: 'trace-root-calls',
      title: 'List the root calls and whether deny-root-user refused them',
      why: 'AccessDenied means the guardrail held but the password is known; success outside an AssumeRoot session means the management account or a broken guardrail.',
      actions: ['cloudtrail:LookupEvents'],
    },
    {
      kind: 'respond',
      id: 'check-root-credentials',
      title: 'Check for root access keys, MFA and centralized root management',
      why: 'Root keys or a missing MFA device explain how root was reached; with centralized root access member accounts should have no root credentials at all.',
      actions: [
        'iam:GetAccountSummary',
        'iam:GenerateCredentialReport',
        'iam:GetCredentialReport',
        'iam:ListOrganizationsFeatures',
      ],
    },
    quarantineStep({
      id: 'quarantine-account',
      title: 'If root acted successfully in a member account, quarantine the account',
      why: 'A successful root call in a member account means deny-root-user did not hold or was walked around; until the root credentials are deleted nothing in the account can be trusted. deny-all binds the root user too. orgops refuses the management account, which no SCP binds.',
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
      id: 'delete-root-credentials',
      title: 'Delete the root password, keys and MFA devices with centralized root access',
      why: 'Root is beyond IAM: the only fix from inside AWS is a short root session (task policy IAMDeleteRootUserCredentials) opened from the management account or the IAM delegated administrator.',
      actions: ['sts:AssumeRoot'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'sts:AssumeRoot opens a root session in any member account; it belongs to break-glass, never to a day-to-day permission set.',
    },
  ],
});
