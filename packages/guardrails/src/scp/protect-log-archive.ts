import { type IdentityStatement, type OrganizationPolicy, OrgopsError } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** S3 actions that destroy or unlock log objects. */
export const LOG_OBJECT_ACTIONS: readonly string[] = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:BypassGovernanceRetention',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
];

/** S3 actions that delete a log bucket or change what keeps its objects, delivers them or reads them. */
export const LOG_BUCKET_ACTIONS: readonly string[] = [
  's3:DeleteBucket',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
  's3:PutBucketObjectLockConfiguration',
  's3:PutReplicationConfiguration',
  's3:PutEncryptionConfiguration',
  's3:PutBucketAcl',
  's3:PutBucketOwnershipControls',
];

/** KMS actions that make encrypted logs unreadable or hand the key to someone else. */
export const LOG_KEY_ACTIONS: readonly string[] = [
  'kms:ScheduleKeyDeletion',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
];

export interface ProtectLogArchiveOptions extends GuardrailOptions {
  /**
   * Bucket ARN patterns holding logs; defaults to every bucket (`arn:aws:s3:::*`), which suits an
   * account that exists only to keep logs. Object ARNs (`<bucket>/*`) are derived.
   */
  readonly bucketArns?: readonly string[];
  /** KMS key ARN patterns that encrypt the logs; none by default. */
  readonly keyArns?: readonly string[];
}

const BUCKET_ARN = /^arn:aws[a-z-]*:s3:::[a-z0-9.*?-]+$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9*-]+:(\d{12}|\*):(key|alias)\/[\w/*?-]+$/;

/**
 * Keeps the log archive write-once: denies deleting log objects or versions, unlocking them
 * (Object Lock retention, legal hold, governance bypass), and deleting or reconfiguring the log
 * buckets (bucket policy, lifecycle expiry, versioning, Object Lock, replication, encryption, ACLs),
 * and, with `keyArns`, disabling or re-permissioning the keys that encrypt them.
 *
 * Why: CloudTrail and Config history is what an investigation stands on, and an administrator of
 * the log-archive account could otherwise delete it, expire it with a lifecycle rule, or delete
 * the bucket policy so delivery stops. Attach it to the log-archive account only. Left open:
 * reading logs, creating buckets, and `PutObject`: the services deliver with service principals
 * (never bound by SCPs), and an overwrite keeps the earlier version because versioning can
 * neither be suspended nor a version deleted.
 *
 * @example
 * const logs = protectLogArchive({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function protectLogArchive(options: ProtectLogArchiveOptions): OrganizationPolicy {
  const buckets = [...new Set(options.bucketArns ?? ['arn:aws:s3:::*'])].sort();
  const keys = [...new Set(options.keyArns ?? [])].sort();
  const badBuckets = buckets.filter((b) => !BUCKET_ARN.test(b));
  const badKeys = keys.filter((k) => !KEY_ARN.test(k));
  if (buckets.length === 0 || badBuckets.length > 0 || badKeys.length > 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `protectLogArchive: ${[...badBuckets, ...badKeys].map((a) => `"${a}"`).join(', ') || 'bucketArns is empty'}; ` +
        'use bucket ARNs such as "arn:aws:s3:::org-trail-*" and key ARNs such as "arn:aws:kms:*:*:key/*".',
    );
  }
  const exempt = checkedExemptions('protectLogArchive', options.exemptPrincipalArns);
  const statements: IdentityStatement[] = [
    denyStatement({
      sid: 'ProtectLogObjects',
      actions: LOG_OBJECT_ACTIONS,
      resources: buckets.map((b) => `${b}/*`),
      exemptPrincipalArns: exempt,
    }),
    denyStatement({
      sid: 'ProtectLogBuckets',
      actions: LOG_BUCKET_ACTIONS,
      resources: buckets,
      exemptPrincipalArns: exempt,
    }),
  ];
  if (keys.length > 0) {
    statements.push(
      denyStatement({
        sid: 'ProtectLogKeys',
        actions: LOG_KEY_ACTIONS,
        resources: keys,
        exemptPrincipalArns: exempt,
      }),
    );
  }
  return guardrailScp(
    {
      name: 'protect-log-archive',
      description: 'Keeps the log archive write-once: no deleting or expiring logs',
    },
    options,
    statements,
  );
}
