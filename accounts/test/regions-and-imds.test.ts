import { permissionSet, type RequestRow } from '@orgops/simulate';
import { desired, example, requestTable } from './example.ts';

const REGION_BOUND = desired.accounts
  .filter((a) => /^\/(Workloads|Sandbox)/.test(a.parentPath))
  .map((a) => a.name);
const GLOBAL = [
  'iam:GetRole',
  'sts:GetCallerIdentity',
  'organizations:DescribeOrganization',
  'route53:ListHostedZones',
  'cloudfront:ListDistributions',
  'support:DescribeCases',
];

const perAccount = (name: string): RequestRow[] => {
  const who = permissionSet('PlatformAdmin', name);
  const instance = (region: string) => `arn:aws:ec2:${region}:000000000000:instance/i-0example`;
  return [
    {
      name: `${name}: no work in ap-southeast-2`,
      principal: who,
      action: 'ec2:DescribeInstances',
      region: 'ap-southeast-2',
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
    },
    {
      name: `${name}: no KMS key in ap-southeast-2`,
      principal: who,
      action: 'kms:CreateKey',
      region: 'ap-southeast-2',
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
      audit: 'issue-7/3',
    },
    {
      name: `${name}: no ACM certificate in ap-southeast-2`,
      principal: who,
      action: 'acm:RequestCertificate',
      region: 'ap-southeast-2',
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
      audit: 'issue-7/3',
    },
    {
      name: `${name}: no Config rule in ap-southeast-2`,
      principal: who,
      action: 'config:PutConfigRule',
      region: 'ap-southeast-2',
      expect: 'ExplicitlyDenied',
      by: 'region-allow-list/DenyOtherRegions',
      audit: 'issue-7/3',
    },
    {
      name: `${name}: work in eu-west-1`,
      principal: who,
      action: 'lambda:ListFunctions',
      region: 'eu-west-1',
      expect: 'Allowed',
    },
    ...GLOBAL.map(
      (action): RequestRow => ({
        name: `${name}: global ${action} signed from anywhere`,
        principal: who,
        action,
        region: 'ap-southeast-2',
        expect: 'Allowed',
      }),
    ),
    {
      name: `${name}: no instance without IMDSv2`,
      principal: who,
      action: 'ec2:RunInstances',
      resource: instance('eu-west-1'),
      region: 'eu-west-1',
      context: { 'ec2:MetadataHttpTokens': 'optional' },
      expect: 'ExplicitlyDenied',
      by: 'require-imdsv2/RequireImdsV2OnLaunch',
      ...(name === 'sandbox' ? { audit: 'issue-7/6e' } : {}),
    },
    {
      name: `${name}: an IMDSv2 instance launches`,
      principal: who,
      action: 'ec2:RunInstances',
      resource: instance('eu-west-1'),
      region: 'eu-west-1',
      context: { 'ec2:MetadataHttpTokens': 'required' },
      expect: 'Allowed',
    },
    {
      name: `${name}: tightening an instance to IMDSv2 is allowed`,
      principal: who,
      action: 'ec2:ModifyInstanceMetadataOptions',
      resource: instance('eu-west-1'),
      region: 'eu-west-1',
      context: { 'ec2:Attribute/HttpTokens': 'required' },
      expect: 'Allowed',
      audit: 'issue-7/6e',
    },
    {
      name: `${name}: loosening it is not`,
      principal: who,
      action: 'ec2:ModifyInstanceMetadataOptions',
      resource: instance('eu-west-1'),
      region: 'eu-west-1',
      context: { 'ec2:Attribute/HttpTokens': 'optional' },
      expect: 'ExplicitlyDenied',
      by: 'require-imdsv2/DenyMetadataOptionChanges',
    },
  ];
};

requestTable('region-allow-list and require-imdsv2 on Workloads and Sandbox', example, [
  ...REGION_BOUND.flatMap(perAccount),
  {
    name: 'platform accounts are not boxed in: network works in ap-southeast-2',
    principal: permissionSet('PlatformAdmin', 'network'),
    action: 'ec2:DescribeInstances',
    region: 'ap-southeast-2',
    expect: 'Allowed',
  },
]);
