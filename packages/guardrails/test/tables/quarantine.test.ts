import { external, permissionSet, rootUser } from '@orgops/simulate';
import { denyAllResourceAccess } from '../../src/index.ts';
import { admin, breakGlass, ID, landingZone, requestTable, singleAccount } from '../table.ts';

const EVIDENCE = 'arn:aws:s3:::quarantined-data/customers.csv';
/** A bucket policy that shares the object with the workload account: the path a quarantine must cut. */
const sharedWithWorkload = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ID.workload}:root` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::quarantined-data/*',
    },
  ],
};
const trustsManagement = (id: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' }],
});

requestTable('denyAll + denyAllResourceAccess (quarantine)', landingZone, [
  {
    name: 'nobody in a quarantined account can act',
    principal: admin('quarantined'),
    action: 'ec2:DescribeInstances',
    expect: 'ExplicitlyDenied',
    by: 'deny-all/DenyAll',
  },
  {
    name: 'not its root user either',
    principal: rootUser('quarantined'),
    action: 'ec2:DescribeInstances',
    expect: 'ExplicitlyDenied',
    by: 'deny-all/DenyAll',
  },
  {
    name: 'not a permission set',
    principal: permissionSet('PlatformAdmin', 'quarantined'),
    action: 's3:ListAllMyBuckets',
    expect: 'ExplicitlyDenied',
    by: 'deny-all/DenyAll',
  },
  {
    name: 'break-glass investigates inside',
    principal: breakGlass('quarantined'),
    action: 'ec2:DescribeInstances',
    expect: 'Allowed',
  },
  {
    name: 'another member account can no longer read data shared with it',
    principal: admin('workload'),
    action: 's3:GetObject',
    resource: EVIDENCE,
    resourceAccount: 'quarantined',
    resourcePolicy: sharedWithWorkload,
    expect: 'ExplicitlyDenied',
    by: 'deny-all-resource-access/DenyAllResourceAccess',
    audit: 'issue-7/4',
  },
  {
    name: 'nor assume a role there that trusts it',
    principal: admin('workload'),
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${ID.quarantined}:role/app/deploy`,
    resourceAccount: 'quarantined',
    resourcePolicy: trustsManagement(ID.workload),
    expect: 'ExplicitlyDenied',
    by: 'deny-all-resource-access/DenyAssumingRoles',
    audit: 'issue-7/4',
  },
  {
    name: 'the same read works while the account is not quarantined (the row the RCP flips)',
    principal: admin('workload'),
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::log-data/report.csv',
    resourceAccount: 'log-archive',
    resourcePolicy: {
      ...sharedWithWorkload,
      Statement: [{ ...sharedWithWorkload.Statement[0], Resource: 'arn:aws:s3:::log-data/*' }],
    },
    expect: 'Allowed',
  },
  {
    name: 'break-glass stays assumable from the management account, or nobody could get in',
    principal: admin('management'),
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${ID.quarantined}:role/break-glass`,
    resourceAccount: 'quarantined',
    resourcePolicy: trustsManagement(ID.management),
    expect: 'Allowed',
  },
  {
    name: 'outsiders are denied whatever the resource policy says',
    principal: external(`arn:aws:iam::${ID.outside}:role/partner`),
    action: 's3:GetObject',
    resource: EVIDENCE,
    resourceAccount: 'quarantined',
    resourcePolicy: {
      ...sharedWithWorkload,
      Statement: [{ ...sharedWithWorkload.Statement[0], Principal: '*' }],
    },
    expect: 'ExplicitlyDenied',
    by: 'deny-all-resource-access/DenyAllResourceAccess',
  },
]);

requestTable(
  'denyAllResourceAccess({ exemptPrincipalArns: [] })',
  () => singleAccount([denyAllResourceAccess({ exemptPrincipalArns: [] })]),
  [
    {
      name: 'with no exemption, no role stays assumable',
      principal: admin('management'),
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${ID.workload}:role/break-glass`,
      resourceAccount: 'workload',
      resourcePolicy: trustsManagement(ID.management),
      expect: 'ExplicitlyDenied',
      by: 'deny-all-resource-access/DenyAssumingRoles',
    },
  ],
);
