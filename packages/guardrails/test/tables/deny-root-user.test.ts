import { role, rootUser } from '@orgops/simulate';
import { denyRootUser } from '../../src/index.ts';
import { ADMINISTRATOR_ACCESS, landingZone, requestTable, singleAccount } from '../table.ts';

requestTable('denyRootUser', landingZone, [
  {
    name: 'the root user of a member account can do nothing',
    principal: rootUser('workload'),
    action: 's3:ListAllMyBuckets',
    expect: 'ExplicitlyDenied',
    by: 'deny-root-user/DenyRootUser',
  },
  {
    name: 'not even IAM, where root would otherwise rule',
    principal: rootUser('workload'),
    action: 'iam:CreateRole',
    expect: 'ExplicitlyDenied',
    by: 'deny-root-user/DenyRootUser',
  },
  {
    name: 'a centralized root session (sts:AssumeRoot) passes, for the tasks only root can do',
    principal: rootUser('workload'),
    action: 's3:DeleteBucketPolicy',
    context: { 'aws:AssumedRoot': 'true' },
    expect: 'Allowed',
  },
  {
    name: 'the root user of the management account is beyond every SCP',
    principal: rootUser('management'),
    action: 'iam:CreateRole',
    expect: 'Allowed',
  },
  {
    name: 'roles are untouched',
    principal: role('app/web', 'workload', { managedPolicies: [ADMINISTRATOR_ACCESS] }),
    action: 's3:ListAllMyBuckets',
    expect: 'Allowed',
  },
]);

requestTable(
  'denyRootUser({ allowCentralizedRootSessions: false })',
  () => singleAccount([denyRootUser({ allowCentralizedRootSessions: false })]),
  [
    {
      name: 'denies centralized root sessions too',
      principal: rootUser('workload'),
      action: 's3:DeleteBucketPolicy',
      context: { 'aws:AssumedRoot': 'true' },
      expect: 'ExplicitlyDenied',
      by: 'deny-root-user/DenyRootUser',
    },
  ],
);
