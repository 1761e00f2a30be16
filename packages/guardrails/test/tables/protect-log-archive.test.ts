import { permissionSet, type RequestRow, service } from '@orgops/simulate';
import { LOG_BUCKET_ACTIONS, LOG_OBJECT_ACTIONS, protectLogArchive } from '../../src/index.ts';
import { admin, BREAK_GLASS, breakGlass, landingZone, requestTable, singleAccount } from '../table.ts';

const BUCKET = 'arn:aws:s3:::org-trail-logs';
const OBJECT = `${BUCKET}/AWSLogs/o-a1b2c3d4e5/111111111111/CloudTrail/us-east-1/2026/11/01/log.json.gz`;
const la = 'log-archive';

requestTable('protectLogArchive', landingZone, [
  ...LOG_OBJECT_ACTIONS.map(
    (action): RequestRow => ({
      name: `an administrator of log-archive cannot ${action} on a log object`,
      principal: admin(la),
      action,
      resource: OBJECT,
      expect: 'ExplicitlyDenied',
      by: 'protect-log-archive/ProtectLogObjects',
      audit: 'issue-7/2',
    }),
  ),
  ...LOG_BUCKET_ACTIONS.map(
    (action): RequestRow => ({
      name: `an administrator of log-archive cannot ${action} on a log bucket`,
      principal: admin(la),
      action,
      resource: BUCKET,
      expect: 'ExplicitlyDenied',
      by: 'protect-log-archive/ProtectLogBuckets',
      audit: 'issue-7/2',
    }),
  ),
  {
    name: 'not with a permission set either',
    principal: permissionSet('PlatformAdmin', la),
    action: 's3:PutLifecycleConfiguration',
    resource: BUCKET,
    expect: 'ExplicitlyDenied',
    by: 'protect-log-archive/ProtectLogBuckets',
  },
  {
    name: 'break-glass can (retention changes are planned, rare and alarmed)',
    principal: breakGlass(la),
    action: 's3:PutLifecycleConfiguration',
    resource: BUCKET,
    expect: 'Allowed',
  },
  {
    name: 'reading logs stays open',
    principal: admin(la),
    action: 's3:GetObject',
    resource: OBJECT,
    expect: 'Allowed',
  },
  {
    name: 'listing them too',
    principal: admin(la),
    action: 's3:ListBucket',
    resource: BUCKET,
    expect: 'Allowed',
  },
  {
    name: 'CloudTrail keeps delivering (service principals are beyond SCPs)',
    principal: service('cloudtrail.amazonaws.com'),
    action: 's3:PutObject',
    resource: OBJECT,
    resourceAccount: la,
    context: { 'aws:SourceOrgID': 'o-a1b2c3d4e5', 'aws:SourceAccount': '111111111111' },
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `${BUCKET}/*`,
        },
      ],
    },
    expect: 'Allowed',
  },
  {
    name: 'other accounts are not bound by it',
    principal: admin('workload'),
    action: 's3:PutLifecycleConfiguration',
    resource: 'arn:aws:s3:::app-data',
    expect: 'Allowed',
  },
]);

requestTable(
  'protectLogArchive({ bucketArns, keyArns })',
  () =>
    singleAccount([
      protectLogArchive({
        exemptPrincipalArns: [BREAK_GLASS],
        bucketArns: ['arn:aws:s3:::org-trail-*'],
        keyArns: ['arn:aws:kms:*:*:key/*'],
      }),
    ]),
  [
    {
      name: 'protects the buckets named',
      principal: admin(),
      action: 's3:DeleteBucketPolicy',
      resource: BUCKET,
      expect: 'ExplicitlyDenied',
      by: 'protect-log-archive/ProtectLogBuckets',
    },
    {
      name: 'and leaves other buckets alone',
      principal: admin(),
      action: 's3:DeleteBucketPolicy',
      resource: 'arn:aws:s3:::athena-results',
      expect: 'Allowed',
    },
    {
      name: 'and the keys named',
      principal: admin(),
      action: 'kms:ScheduleKeyDeletion',
      resource: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      expect: 'ExplicitlyDenied',
      by: 'protect-log-archive/ProtectLogKeys',
    },
  ],
);
