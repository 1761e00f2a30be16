import { role } from '@orgops/simulate';
import { admin, breakGlass, landingZone, requestTable } from '../table.ts';

const INSTANCE = 'arn:aws:ec2:eu-west-1:111111111111:instance/i-0example';
const REGION = 'eu-west-1';
const appRole = role('app/web', 'workload', {
  inlinePolicies: [
    {
      name: 'app',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      },
    },
  ],
});

requestTable('requireImdsV2', landingZone, [
  {
    name: 'no instance without IMDSv2',
    principal: admin(),
    action: 'ec2:RunInstances',
    resource: INSTANCE,
    region: REGION,
    context: { 'ec2:MetadataHttpTokens': 'optional' },
    expect: 'ExplicitlyDenied',
    by: 'require-imdsv2/RequireImdsV2OnLaunch',
  },
  {
    name: 'nor one that does not say',
    principal: admin(),
    action: 'ec2:RunInstances',
    resource: INSTANCE,
    region: REGION,
    expect: 'ExplicitlyDenied',
    by: 'require-imdsv2/RequireImdsV2OnLaunch',
  },
  {
    name: 'an IMDSv2 instance launches',
    principal: admin(),
    action: 'ec2:RunInstances',
    resource: INSTANCE,
    region: REGION,
    context: { 'ec2:MetadataHttpTokens': 'required' },
    expect: 'Allowed',
  },
  {
    name: 'the other resources of a launch are not held to it',
    principal: admin(),
    action: 'ec2:RunInstances',
    resource: 'arn:aws:ec2:eu-west-1:111111111111:volume/vol-0example',
    region: REGION,
    expect: 'Allowed',
  },
  {
    name: 'nobody turns IMDSv1 back on',
    principal: admin(),
    action: 'ec2:ModifyInstanceMetadataOptions',
    resource: INSTANCE,
    region: REGION,
    context: { 'ec2:Attribute/HttpTokens': 'optional' },
    expect: 'ExplicitlyDenied',
    by: 'require-imdsv2/DenyMetadataOptionChanges',
  },
  {
    name: 'anyone may tighten an instance to IMDSv2',
    principal: admin(),
    action: 'ec2:ModifyInstanceMetadataOptions',
    resource: INSTANCE,
    region: REGION,
    context: { 'ec2:Attribute/HttpTokens': 'required' },
    expect: 'Allowed',
    audit: 'issue-7/6e',
  },
  {
    name: 'a change that leaves HttpTokens out is held back (fails closed)',
    principal: admin(),
    action: 'ec2:ModifyInstanceMetadataOptions',
    resource: INSTANCE,
    region: REGION,
    expect: 'ExplicitlyDenied',
    by: 'require-imdsv2/DenyMetadataOptionChanges',
  },
  {
    name: 'break-glass can re-enable IMDSv1 for a legacy workload',
    principal: breakGlass(),
    action: 'ec2:ModifyInstanceMetadataOptions',
    resource: INSTANCE,
    region: REGION,
    context: { 'ec2:Attribute/HttpTokens': 'optional' },
    expect: 'Allowed',
  },
  {
    name: 'credentials delivered through IMDSv1 are refused',
    principal: appRole,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::data/key',
    region: REGION,
    context: { 'ec2:RoleDelivery': '1.0' },
    expect: 'ExplicitlyDenied',
    by: 'require-imdsv2/DenyImdsV1RoleCredentials',
  },
  {
    name: 'credentials delivered through IMDSv2 work',
    principal: appRole,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::data/key',
    region: REGION,
    context: { 'ec2:RoleDelivery': '2.0' },
    expect: 'Allowed',
  },
]);
