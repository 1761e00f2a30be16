import type { RequestRow } from '@orgops/simulate';
import {
  ACCESS_ANALYZER_PROTECTED_ACTIONS,
  CLOUDTRAIL_PROTECTED_ACTIONS,
  CONFIG_PROTECTED_ACTIONS,
  GUARDDUTY_PROTECTED_ACTIONS,
  protectCloudTrail,
  protectSecurityServices,
  SECURITY_HUB_PROTECTED_ACTIONS,
} from '../../src/index.ts';
import { admin, BREAK_GLASS, breakGlass, landingZone, requestTable, singleAccount } from '../table.ts';

const SERVICES: readonly [string, string, readonly string[]][] = [
  ['CloudTrail', 'ProtectCloudTrail', CLOUDTRAIL_PROTECTED_ACTIONS],
  ['Config', 'ProtectConfig', CONFIG_PROTECTED_ACTIONS],
  ['GuardDuty', 'ProtectGuardDuty', GUARDDUTY_PROTECTED_ACTIONS],
  ['Security Hub', 'ProtectSecurityHub', SECURITY_HUB_PROTECTED_ACTIONS],
  ['Access Analyzer', 'ProtectAccessAnalyzer', ACCESS_ANALYZER_PROTECTED_ACTIONS],
];

/** Findings of the audit (issue 7) that the lists now close, each a row that flipped to denied. */
const AUDIT: Readonly<Record<string, string>> = {
  'securityhub:BatchUpdateStandardsControlAssociations': 'issue-7/1',
  'securityhub:CreateAutomationRule': 'issue-7/1',
  'securityhub:CreateConfigurationPolicy': 'issue-7/1',
  'securityhub:StartConfigurationPolicyAssociation': 'issue-7/1',
  'guardduty:UpdateOrganizationConfiguration': 'issue-7/1',
  'config:PutRetentionConfiguration': 'issue-7/6d',
  'config:DeleteServiceLinkedConfigurationRecorder': 'issue-7/6d',
};

const rows: RequestRow[] = SERVICES.flatMap(([service, sid, actions]) =>
  actions.flatMap((action): RequestRow[] => [
    {
      name: `${service}: an account administrator cannot ${action}`,
      principal: admin(),
      action,
      expect: 'ExplicitlyDenied',
      by: `protect-security-services/${sid}`,
      ...(AUDIT[action] ? { audit: AUDIT[action] } : {}),
    },
    { name: `${service}: break-glass can ${action}`, principal: breakGlass(), action, expect: 'Allowed' },
  ]),
);

requestTable('protectSecurityServices', landingZone, [
  ...rows,
  ...(
    [
      'cloudtrail:LookupEvents',
      'cloudtrail:StartLogging',
      'config:DescribeConfigurationRecorders',
      'config:StartConfigurationRecorder',
      'guardduty:GetFindings',
      'guardduty:UpdateFindingsFeedback',
      'guardduty:CreateDetector',
      'securityhub:GetFindings',
      'securityhub:BatchUpdateFindings',
      'securityhub:BatchEnableStandards',
      'access-analyzer:CreateAnalyzer',
    ] as const
  ).map(
    (action): RequestRow => ({
      name: `reading, enabling and triaging stay open: ${action}`,
      principal: admin(),
      action,
      expect: 'Allowed',
    }),
  ),
  {
    name: 'the management account is beyond every SCP: protect it by keeping admins out',
    principal: admin('management'),
    action: 'cloudtrail:StopLogging',
    expect: 'Allowed',
  },
]);

requestTable(
  'protectSecurityServices({ services })',
  () =>
    singleAccount([
      protectSecurityServices({ exemptPrincipalArns: [BREAK_GLASS], services: ['cloudtrail'] }),
    ]),
  [
    {
      name: 'covers the services named',
      principal: admin(),
      action: 'cloudtrail:StopLogging',
      expect: 'ExplicitlyDenied',
      by: 'protect-security-services/ProtectCloudTrail',
    },
    { name: 'and no other', principal: admin(), action: 'guardduty:DeleteDetector', expect: 'Allowed' },
  ],
);

const ORG_TRAIL = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail';
requestTable(
  'protectCloudTrail({ resources })',
  () => singleAccount([protectCloudTrail({ exemptPrincipalArns: [BREAK_GLASS], resources: [ORG_TRAIL] })]),
  [
    {
      name: 'protects the trails named',
      principal: admin(),
      action: 'cloudtrail:StopLogging',
      resource: ORG_TRAIL,
      expect: 'ExplicitlyDenied',
      by: 'protect-cloudtrail/ProtectCloudTrail',
    },
    {
      name: 'leaves a team’s own trail to the team',
      principal: admin(),
      action: 'cloudtrail:StopLogging',
      resource: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/team-trail',
      expect: 'Allowed',
    },
  ],
);
