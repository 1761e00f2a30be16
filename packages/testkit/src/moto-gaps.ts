import type { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { injectFaults } from './faults.ts';

/**
 * How a test copes with a place where moto 5.2.1 differs from AWS:
 * - `substituted`: `fillMotoGaps` answers the call the way AWS does, below the SDK's deserializer;
 * - `sent-as-aws-expects`: the backend already sends what makes moto and AWS agree;
 * - `not-on-moto`: moto cannot show the behaviour; the test runs against the sandbox (and the
 *   tool's own validation, or aws-sdk-client-mock for request shapes) and names the gap.
 */
export type MotoGapHandling = 'substituted' | 'sent-as-aws-expects' | 'not-on-moto';

export interface MotoGap {
  readonly service: 'organizations' | 'sso-admin' | 'identitystore' | 'service-quotas' | 'cloudtrail';
  /** What moto does. */
  readonly moto: string;
  /** What AWS does, which the kit substitutes or which the sandbox shows instead. */
  readonly aws: string;
  readonly handling: MotoGapHandling;
}

/**
 * Every known gap between moto 5.2.1 and AWS that orgops' tests meet, in one place (see also
 * /work/shared/moto-notes.md). Tests that run against moto and step around one of these name it
 * with `motoGap(id)`, so no gap is skipped silently.
 */
export const MOTO_GAPS = {
  'permissions-boundary-read': {
    service: 'sso-admin',
    moto: 'GetPermissionsBoundaryForPermissionSet is not implemented (HTTP 500).',
    aws: 'ResourceNotFoundException for a permission set without a boundary.',
    handling: 'substituted',
  },
  'permission-set-tags-read': {
    service: 'sso-admin',
    moto: 'ListTagsForResource on a permission set is not implemented (HTTP 500).',
    aws: 'An empty tag list for an untagged permission set.',
    handling: 'substituted',
  },
  'outdated-provisioning-filter': {
    service: 'sso-admin',
    moto: 'ListAccountsForProvisionedPermissionSet ignores the ProvisioningStatus filter.',
    aws: 'With LATEST_PERMISSION_SET_NOT_PROVISIONED, no accounts right after provisioning.',
    handling: 'substituted',
  },
  'default-account-quota': {
    service: 'service-quotas',
    moto: 'Knows only VPC quotas; GetAWSDefaultServiceQuota is not implemented.',
    aws: 'The default Organizations account quota, 10.',
    handling: 'substituted',
  },
  'permissions-boundary-write': {
    service: 'sso-admin',
    moto: 'Put/DeletePermissionsBoundary* are not implemented (HTTP 500).',
    aws: 'Sets or removes the boundary of a permission set.',
    handling: 'not-on-moto',
  },
  'permission-set-tags-write': {
    service: 'sso-admin',
    moto: 'TagResource/UntagResource on permission sets are not implemented (HTTP 500).',
    aws: 'Tags the permission set.',
    handling: 'not-on-moto',
  },
  'provisioning-status': {
    service: 'sso-admin',
    moto: 'DescribePermissionSetProvisioningStatus is not implemented; every async status is SUCCEEDED at once.',
    aws: 'IN_PROGRESS, then SUCCEEDED or FAILED with a reason.',
    handling: 'not-on-moto',
  },
  'assignment-does-not-provision': {
    service: 'sso-admin',
    moto: 'CreateAccountAssignment does not provision the permission set into the account.',
    aws: 'The first assignment provisions the permission set into the account; the last one removes it.',
    handling: 'not-on-moto',
  },
  'provisioned-lists-ignore-account': {
    service: 'sso-admin',
    moto: 'The two "provisioned" list calls ignore their account filter and do not paginate.',
    aws: 'Filtered by account and paginated.',
    handling: 'not-on-moto',
  },
  'assignment-duplicates': {
    service: 'sso-admin',
    moto: 'CreateAccountAssignment validates nothing; a duplicate is listed twice.',
    aws: 'An existing assignment is not duplicated; unknown principals are refused.',
    handling: 'not-on-moto',
  },
  'permission-set-duplicate-name': {
    service: 'sso-admin',
    moto: 'Accepts two permission sets with the same name.',
    aws: 'ConflictException for a duplicate name.',
    handling: 'not-on-moto',
  },
  'session-duration-default': {
    service: 'sso-admin',
    moto: 'An omitted SessionDuration comes back as the number 3600; UpdatePermissionSet resets omitted fields.',
    aws: 'PT1H; UpdatePermissionSet leaves omitted fields alone.',
    handling: 'sent-as-aws-expects',
  },
  'full-access-everywhere': {
    service: 'organizations',
    moto: 'FullAWSAccess and RCPFullAWSAccess are attached to the root, every OU and every account.',
    aws: 'FullAWSAccess is attached where SCPs are enabled; RCPFullAWSAccess where RCPs are.',
    handling: 'not-on-moto',
  },
  'organizations-rules-not-enforced': {
    service: 'organizations',
    moto:
      'Does not enforce policy size, SCPs per target, OU depth, duplicate attachment, detaching the last SCP, ' +
      'enabled policy types, duplicate OU names, parent existence, non-empty OU delete, AWS-managed policy immutability.',
    aws: 'Refuses each with its own exception (ConstraintViolationException, DuplicateOrganizationalUnitException, ...).',
    handling: 'not-on-moto',
  },
  'account-lifecycle-instant': {
    service: 'organizations',
    moto: 'CreateAccount is SUCCEEDED at once; CloseAccount goes straight to SUSPENDED and the account stays listed.',
    aws: 'CreateAccount is IN_PROGRESS for minutes; a closed account is PENDING_CLOSURE, then SUSPENDED.',
    handling: 'not-on-moto',
  },
  'backup-policy-type': {
    service: 'organizations',
    moto: 'BACKUP_POLICY answers HTTP 500; CHATBOT and declarative policy types are rejected.',
    aws: 'All policy types are supported.',
    handling: 'not-on-moto',
  },
  'effective-policy-and-handshakes': {
    service: 'organizations',
    moto: 'DescribeEffectivePolicy, handshakes and resource policy calls are not implemented.',
    aws: 'Implemented.',
    handling: 'not-on-moto',
  },
  'identity-store-external-id': {
    service: 'identitystore',
    moto: 'GetUserId/GetGroupId by ExternalId is not implemented; any IdentityStoreId is accepted.',
    aws: 'Lookup by external id; an unknown identity store is refused.',
    handling: 'not-on-moto',
  },
  'cloudtrail-lookup-events': {
    service: 'cloudtrail',
    moto: 'LookupEvents is not implemented.',
    aws: 'Management events of the last 90 days.',
    handling: 'not-on-moto',
  },
} as const satisfies Readonly<Record<string, MotoGap>>;

export type MotoGapId = keyof typeof MOTO_GAPS;

/** A test-name suffix that names a gap: `it(\`... ${motoGap('assignment-does-not-provision')}\`)`. */
export function motoGap(id: MotoGapId): string {
  return `(moto gap ${id}: ${MOTO_GAPS[id].handling})`;
}

/** The clients `fillMotoGaps` changes (structurally part of `AwsClients` of `@orgops/aws`). */
export interface GapClients {
  readonly ssoAdmin: SSOAdminClient;
  readonly serviceQuotas?: ServiceQuotasClient;
}

/**
 * Answers the reads moto lacks the way AWS does (the `substituted` gaps above), so the reader can
 * run against moto. The answers go through the SDK's deserializer and the backend counts them
 * like any other call.
 */
export function fillMotoGaps(clients: GapClients): void {
  injectFaults(clients.ssoAdmin, (operation, _index, input) => {
    if (operation === 'GetPermissionsBoundaryForPermissionSet') {
      return { status: 400, type: 'ResourceNotFoundException', message: 'No permissions boundary' };
    }
    if (operation === 'ListTagsForResource') return { status: 200, body: { Tags: [] } };
    if (
      operation === 'ListAccountsForProvisionedPermissionSet' &&
      input.ProvisioningStatus === 'LATEST_PERMISSION_SET_NOT_PROVISIONED'
    ) {
      return { status: 200, body: { AccountIds: [] } };
    }
    return undefined;
  });
  if (clients.serviceQuotas) {
    injectFaults(clients.serviceQuotas, (operation, _index, input) =>
      operation === 'GetAWSDefaultServiceQuota' && input.ServiceCode === 'organizations'
        ? {
            status: 200,
            body: {
              Quota: {
                ServiceCode: 'organizations',
                QuotaCode: input.QuotaCode,
                QuotaName: 'Default maximum number of accounts',
                Value: 10,
                Adjustable: true,
                GlobalQuota: true,
              },
            },
          }
        : undefined,
    );
  }
}
