import { AWS_MANAGED_POLICIES } from '@orgops/guardrails';
import { BREAK_GLASS_ROLE } from '../exemptions.ts';
import { incidentResponder } from '../permission-sets.ts';
import { definePlaybook } from './define.ts';

/**
 * Someone tried to stop, narrow or silence CloudTrail, Config or GuardDuty. protect-security-services
 * denies it to everyone in member accounts but break-glass, so a denied attempt is the incident
 * (who wants detection off?), and a successful one means break-glass or the management account
 * (where no SCP applies, and the pipeline runs) is compromised.
 */
export const securityServiceTampering = definePlaybook({
  id: 'security-service-tampering',
  title: 'CloudTrail, Config or GuardDuty tampering attempt',
  severity: 'CRITICAL',
  trigger: {
    guardDutyFindingTypes: [
      'Stealth:IAMUser/CloudTrailLoggingDisabled',
      'DefenseEvasion:IAMUser/AnomalousBehavior',
    ],
    securityHubControls: ['CloudTrail.1', 'Config.1', 'GuardDuty.1'],
    cloudTrailEvents: [
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'DeleteTrail' },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'UpdateTrail' },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'PutEventSelectors' },
      { eventSource: 'config.amazonaws.com', eventName: 'StopConfigurationRecorder' },
      { eventSource: 'config.amazonaws.com', eventName: 'DeleteConfigurationRecorder' },
      { eventSource: 'config.amazonaws.com', eventName: 'DeleteDeliveryChannel' },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'DeleteDetector' },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'UpdateDetector' },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'CreateFilter' },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'CreateIPSet' },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'DisassociateFromAdministratorAccount' },
    ],
  },
  runAs: incidentResponder,
  appliesTo: ['/'],
  steps: [
    {
      kind: 'respond',
      id: 'read-event',
      title: 'Find the call, its principal, and whether the guardrail denied it',
      why: 'errorCode AccessDenied: the SCP held and the principal is suspect. Success: an exempt role did it.',
      actions: ['cloudtrail:LookupEvents', 'guardduty:GetFindings'],
    },
    {
      kind: 'respond',
      id: 'check-state',
      title: 'Check that logging, recording and detection are still on and unfiltered',
      why: 'The organization trail and delegated administrator may hide a local change; suppression filters and trusted IP lists silence without disabling.',
      actions: [
        'cloudtrail:DescribeTrails',
        'cloudtrail:GetTrailStatus',
        'config:DescribeConfigurationRecorderStatus',
        'config:DescribeDeliveryChannelStatus',
        'guardduty:GetDetector',
        'guardduty:ListFilters',
        'guardduty:ListIPSets',
      ],
    },
    {
      kind: 'respond',
      id: 'contain-actor',
      title: 'Attach AWSDenyAll to the role that attempted it',
      why: 'Whoever tries to blind detection is about to do something they do not want seen.',
      actions: ['iam:AttachRolePolicy'],
      context: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll },
      resources: ['arn:aws:iam::111122223333:role/app/payments-api'],
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
      id: 'contain-exempt-actor',
      title:
        'If the actor is break-glass, or a role of the management account, contain it through break-glass',
      why: 'A successful change came from the exempt role or from where no SCP applies: break-glass or the pipeline itself is compromised.',
      actions: ['iam:AttachRolePolicy'],
      context: { 'iam:PolicyARN': AWS_MANAGED_POLICIES.AWSDenyAll },
      resources: ['arn:aws:iam::111122223333:role/break-glass'],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'protect-privileged-roles denies everyone else any change to break-glass, the responder included (otherwise an account admin could recreate it and walk around every guardrail); in the management account the responder’s own policy keeps it off the pipeline and break-glass roles.',
    },
    {
      kind: 'respond',
      id: 'restart-recording',
      title: 'Restart CloudTrail logging and the Config recorder',
      why: 'Every minute without logging is a gap in the evidence.',
      actions: ['cloudtrail:StartLogging', 'config:StartConfigurationRecorder'],
    },
    {
      kind: 'escalate',
      id: 'restore-configuration',
      title: 'Restore the trail, recorder and detector configuration and remove suppressions',
      why: 'Re-applying the intended configuration undoes narrowing that restarting does not (event selectors, filters, trusted IP lists).',
      actions: [
        'cloudtrail:UpdateTrail',
        'cloudtrail:PutEventSelectors',
        'config:PutConfigurationRecorder',
        'config:PutDeliveryChannel',
        'guardduty:UpdateDetector',
        'guardduty:DeleteFilter',
        'guardduty:DeleteIPSet',
      ],
      escalateTo: BREAK_GLASS_ROLE,
      because: 'by-design',
      reason:
        'protect-security-services reserves security-service configuration to break-glass: the same APIs that restore it can narrow it.',
    },
  ],
});
