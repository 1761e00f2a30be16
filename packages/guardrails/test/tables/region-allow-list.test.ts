import type { RequestRow } from '@orgops/simulate';
import { regionAllowList } from '../../src/index.ts';
import { admin, BREAK_GLASS, breakGlass, landingZone, requestTable, singleAccount } from '../table.ts';

const OUTSIDE = 'ap-southeast-2';

/** Global services are signed for us-east-1 (or another fixed Region) wherever the caller works. */
const GLOBAL_WORK = [
  'iam:CreateRole',
  'iam:CreateServiceLinkedRole',
  'sts:GetCallerIdentity',
  'organizations:DescribeOrganization',
  'route53:ChangeResourceRecordSets',
  'cloudfront:CreateInvalidation',
  'support:CreateCase',
  'budgets:ViewBudget',
  'health:DescribeEvents',
  'wafv2:ListWebACLs',
  's3:ListAllMyBuckets',
] as const;

requestTable('regionAllowList', landingZone, [
  {
    name: 'regional work outside the allow-list is denied',
    principal: admin(),
    action: 'ec2:RunInstances',
    region: OUTSIDE,
    resource: `arn:aws:ec2:${OUTSIDE}:111111111111:instance/i-0example`,
    context: { 'ec2:MetadataHttpTokens': 'required' },
    expect: 'ExplicitlyDenied',
    by: 'region-allow-list/DenyOtherRegions',
  },
  {
    name: 'so is reading there',
    principal: admin(),
    action: 'ec2:DescribeInstances',
    region: 'sa-east-1',
    expect: 'ExplicitlyDenied',
    by: 'region-allow-list/DenyOtherRegions',
  },
  {
    name: 'work in an allowed Region goes through',
    principal: admin(),
    action: 'lambda:CreateFunction',
    region: 'eu-west-1',
    expect: 'Allowed',
  },
  {
    name: 'us-east-1 is allowed too',
    principal: admin(),
    action: 'ec2:DescribeInstances',
    region: 'us-east-1',
    expect: 'Allowed',
  },
  ...GLOBAL_WORK.map(
    (action): RequestRow => ({
      name: `global services stay out of the deny: ${action} from ${OUTSIDE}`,
      principal: admin(),
      action,
      region: OUTSIDE,
      expect: 'Allowed',
    }),
  ),
  ...(['kms:CreateKey', 'acm:RequestCertificate', 'config:PutConfigRule'] as const).map(
    (action): RequestRow => ({
      name: `regional services that were exempt by copy are not: ${action} in ${OUTSIDE}`,
      principal: admin(),
      action,
      region: OUTSIDE,
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
      audit: 'issue-7/3',
    }),
  ),
  {
    name: 'a CloudFront certificate is requested in us-east-1, which is allowed',
    principal: admin(),
    action: 'acm:RequestCertificate',
    region: 'us-east-1',
    expect: 'Allowed',
  },
  {
    name: 'break-glass works in any Region',
    principal: breakGlass(),
    action: 'ec2:DescribeInstances',
    region: OUTSIDE,
    expect: 'Allowed',
  },
]);

requestTable(
  'regionAllowList({ exemptGlobalServices: false, additionalExemptActions })',
  () =>
    singleAccount([
      regionAllowList(['eu-west-1'], {
        exemptPrincipalArns: [BREAK_GLASS],
        exemptGlobalServices: false,
        additionalExemptActions: ['acm:*'],
      }),
    ]),
  [
    {
      name: 'global services are denied outside the list too',
      principal: admin(),
      action: 'iam:CreateRole',
      region: 'us-east-1',
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
    },
    {
      name: 'inside the list they work',
      principal: admin(),
      action: 'iam:CreateRole',
      region: 'eu-west-1',
      expect: 'Allowed',
    },
    {
      name: 'an added exemption is honoured',
      principal: admin(),
      action: 'acm:RequestCertificate',
      region: 'us-east-1',
      expect: 'Allowed',
    },
  ],
);
