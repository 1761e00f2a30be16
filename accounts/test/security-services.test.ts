import { permissionSet, type RequestRow } from '@orgops/simulate';
import { breakGlass, example, memberAccounts, requestTable } from './example.ts';

/** The audit's Security Hub and GuardDuty findings, and the classic switches, in every member account. */
const SWITCHES: readonly [string, string, string?][] = [
  ['cloudtrail:StopLogging', 'ProtectCloudTrail'],
  ['config:StopConfigurationRecorder', 'ProtectConfig'],
  ['config:PutRetentionConfiguration', 'ProtectConfig', 'issue-7/6d'],
  ['config:DeleteServiceLinkedConfigurationRecorder', 'ProtectConfig', 'issue-7/6d'],
  ['guardduty:DeleteDetector', 'ProtectGuardDuty'],
  ['guardduty:UpdateOrganizationConfiguration', 'ProtectGuardDuty', 'issue-7/1'],
  ['securityhub:DisableSecurityHub', 'ProtectSecurityHub'],
  ['securityhub:BatchUpdateStandardsControlAssociations', 'ProtectSecurityHub', 'issue-7/1'],
  ['securityhub:CreateAutomationRule', 'ProtectSecurityHub', 'issue-7/1'],
  ['securityhub:CreateConfigurationPolicy', 'ProtectSecurityHub', 'issue-7/1'],
  ['securityhub:StartConfigurationPolicyAssociation', 'ProtectSecurityHub', 'issue-7/1'],
  ['access-analyzer:CreateArchiveRule', 'ProtectAccessAnalyzer'],
];

const rows: RequestRow[] = memberAccounts.flatMap((account) =>
  SWITCHES.flatMap(([action, sid, audit]): RequestRow[] => [
    {
      name: `${account.name}: PlatformAdmin cannot ${action}`,
      principal: permissionSet('PlatformAdmin', account.name),
      action,
      expect: 'ExplicitlyDenied',
      by: `protect-security-services/${sid}`,
      ...(audit ? { audit } : {}),
    },
    {
      name: `${account.name}: break-glass can ${action}`,
      principal: breakGlass(account.name),
      action,
      expect: 'Allowed',
    },
  ]),
);

requestTable('protect-security-services in every member account', example, [
  ...rows,
  {
    name: 'security-tooling (delegated administrator): reading findings stays open',
    principal: permissionSet('SecurityAudit', 'security-tooling'),
    action: 'securityhub:GetFindings',
    expect: 'Allowed',
  },
  {
    name: 'security-tooling: triaging findings stays open',
    principal: permissionSet('IncidentResponder', 'security-tooling'),
    action: 'securityhub:BatchUpdateFindings',
    context: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'RESOLVED' },
    expect: 'Allowed',
  },
  {
    name: 'security-tooling: enabling a standard stays open',
    principal: permissionSet('PlatformAdmin', 'security-tooling'),
    action: 'securityhub:BatchEnableStandards',
    expect: 'Allowed',
  },
]);
