import { permissionSet, type RequestRow } from '@orgops/simulate';
import { breakGlass, example, requestTable } from './example.ts';

const BUCKET = 'arn:aws:s3:::org-trail-logs';
const OBJECT = `${BUCKET}/AWSLogs/o-example/CloudTrail/us-east-1/2026/11/01/log.json.gz`;
const admin = permissionSet('PlatformAdmin', 'log-archive');

/** What the audit found an administrator of log-archive could do to the logs. */
const DESTROY: readonly [string, string, string][] = [
  ['delete log objects', 's3:DeleteObject', OBJECT],
  ['delete old versions', 's3:DeleteObjectVersion', OBJECT],
  ['expire them with a lifecycle rule', 's3:PutLifecycleConfiguration', BUCKET],
  ['delete the bucket policy and stop delivery', 's3:DeleteBucketPolicy', BUCKET],
  ['replace the bucket policy', 's3:PutBucketPolicy', BUCKET],
  ['suspend versioning', 's3:PutBucketVersioning', BUCKET],
  ['delete the bucket', 's3:DeleteBucket', BUCKET],
];

requestTable('protect-log-archive on the log-archive account', example, [
  ...DESTROY.map(
    ([what, action, resource]): RequestRow => ({
      name: `PlatformAdmin cannot ${what} (${action})`,
      principal: admin,
      action,
      resource,
      expect: 'ExplicitlyDenied',
      by:
        resource === OBJECT
          ? 'protect-log-archive/ProtectLogObjects'
          : 'protect-log-archive/ProtectLogBuckets',
      audit: 'issue-7/2',
    }),
  ),
  {
    name: 'break-glass can change retention, deliberately',
    principal: breakGlass('log-archive'),
    action: 's3:PutLifecycleConfiguration',
    resource: BUCKET,
    expect: 'Allowed',
  },
  {
    name: 'PlatformAdmin reads logs',
    principal: admin,
    action: 's3:GetObject',
    resource: OBJECT,
    expect: 'Allowed',
  },
  {
    name: 'SecurityAudit reads the bucket configuration',
    principal: permissionSet('SecurityAudit', 'log-archive'),
    action: 's3:GetBucketPolicy',
    resource: BUCKET,
    expect: 'Allowed',
  },
  {
    name: 'other accounts keep their own lifecycle rules',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 's3:PutLifecycleConfiguration',
    resource: 'arn:aws:s3:::data-lake',
    expect: 'Allowed',
  },
]);
