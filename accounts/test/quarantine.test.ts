import { external, permissionSet, rootUser } from '@orgops/simulate';
import { breakGlass, example, idOf, quarantinedExample, requestTable } from './example.ts';

const sim = quarantinedExample();
const QUARANTINED = 'payments-prod';
const id = idOf(sim, QUARANTINED);
const shareWith = (account: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${idOf(sim, account)}:root` },
      Action: ['s3:GetObject', 'sts:AssumeRole'],
      Resource: '*',
    },
  ],
});

requestTable('quarantine (payments-prod moved to Suspended)', () => sim, [
  {
    name: 'PlatformAdmin inside can do nothing',
    principal: permissionSet('PlatformAdmin', QUARANTINED),
    action: 'ec2:DescribeInstances',
    expect: 'ExplicitlyDenied',
    by: 'deny-all/DenyAll',
  },
  {
    name: 'nor can the root user',
    principal: rootUser(QUARANTINED),
    action: 'ec2:DescribeInstances',
    expect: 'ExplicitlyDenied',
  },
  {
    name: 'break-glass investigates',
    principal: breakGlass(QUARANTINED),
    action: 'ec2:DescribeInstances',
    expect: 'Allowed',
  },
  {
    name: 'data-prod can no longer read a bucket payments-prod shared with it',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-exports/2026-11.csv',
    resourceAccount: QUARANTINED,
    resourcePolicy: shareWith('data-prod'),
    expect: 'ExplicitlyDenied',
    by: 'deny-all-resource-access/DenyAllResourceAccess',
    audit: 'issue-7/4',
  },
  {
    name: 'nor assume a role there that trusts it',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${id}:role/app/exporter`,
    resourceAccount: QUARANTINED,
    resourcePolicy: shareWith('data-prod'),
    expect: 'ExplicitlyDenied',
    by: 'deny-all-resource-access/DenyAssumingRoles',
    audit: 'issue-7/4',
  },
  {
    name: 'outsiders are denied too',
    principal: external('arn:aws:iam::999988887777:role/partner'),
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-exports/2026-11.csv',
    resourceAccount: QUARANTINED,
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    },
    expect: 'ExplicitlyDenied',
  },
]);

const live = example();
requestTable('the same requests before quarantine (the rows the quarantine flips)', () => live, [
  {
    name: 'data-prod reads the bucket payments-prod shares with it',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payments-exports/2026-11.csv',
    resourceAccount: QUARANTINED,
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${idOf(live, 'data-prod')}:root` },
          Action: 's3:GetObject',
          Resource: '*',
        },
      ],
    },
    expect: 'Allowed',
  },
]);
