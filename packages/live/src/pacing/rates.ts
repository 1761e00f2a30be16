/**
 * AWS's request rates, from the quotas pages (aws-facts.md §2.2, §3.2): the one table the AWS
 * backend paces its requests by, the reader schedules its calls by, and `pnpm bench` models time
 * with. Organizations throttles per operation; we use the per-account figures because they are
 * the lower ones and a single orgops run is one caller. Identity Center throttles all sso-admin
 * APIs together; the identity store throttles each API on its own; CloudTrail's LookupEvents is
 * 2 per second per account and Region.
 */

/** The AWS services orgops talks to. `sts` only answers "who am I". */
export type ServiceName =
  | 'organizations'
  | 'sso-admin'
  | 'identitystore'
  | 'sts'
  | 'cloudtrail'
  | 'service-quotas';

/** Sustained requests per second and bucket size (requests that may go at once). */
export interface Rate {
  readonly perSecond: number;
  readonly burst: number;
}

const r = (perSecond: number, burst: number): Rate => ({ perSecond, burst });

/** Organizations, per operation (per-account rate and burst). */
export const ORGANIZATIONS_RATES: Readonly<Record<string, Rate>> = {
  CreateAccount: r(0.1, 3),
  CloseAccount: r(0.05, 1),
  DescribeCreateAccountStatus: r(2, 2),
  DescribeAccount: r(20, 30),
  ListAccounts: r(8, 12),
  ListChildren: r(6, 10),
  ListParents: r(5, 8),
  ListAccountsForParent: r(5, 8),
  ListOrganizationalUnitsForParent: r(5, 8),
  ListCreateAccountStatus: r(5, 8),
  ListDelegatedAdministrators: r(5, 8),
  ListRoots: r(1, 2),
  ListTagsForResource: r(10, 15),
  DescribeOrganizationalUnit: r(2, 2),
  CreateOrganizationalUnit: r(1, 2),
  DescribeOrganization: r(1, 2),
  MoveAccount: r(2, 3),
  UpdateOrganizationalUnit: r(2, 3),
  DeleteOrganizationalUnit: r(2, 3),
  RemoveAccountFromOrganization: r(2, 2),
  TagResource: r(4, 6),
  UntagResource: r(4, 6),
  CreatePolicy: r(2, 3),
  DeletePolicy: r(2, 3),
  AttachPolicy: r(2, 3),
  DetachPolicy: r(2, 3),
  UpdatePolicy: r(2, 3),
  DescribePolicy: r(2, 2),
  ListPolicies: r(5, 8),
  ListPoliciesForTarget: r(5, 8),
  ListTargetsForPolicy: r(5, 8),
  EnablePolicyType: r(1, 1),
  DisablePolicyType: r(1, 1),
};

/**
 * Organizations operations the quotas page does not list (service access, delegated
 * administrators for one account): AWS publishes no figure, so we pace them like the slowest
 * documented reads.
 */
export const ORGANIZATIONS_DEFAULT_RATE: Rate = r(1, 2);

/** Every sso-admin API shares one 20 TPS budget per instance. */
export const SSO_ADMIN_SHARED_RATE: Rate = r(20, 20);

/** 20 TPS per identity store API. */
export const IDENTITY_STORE_RATE: Rate = r(20, 20);

/** STS GetCallerIdentity: called once per run; AWS publishes no low figure for it. */
export const STS_RATE: Rate = r(10, 10);

/** Service Quotas: one or two calls per plan, so a modest rate is all it needs. */
export const SERVICE_QUOTAS_RATE: Rate = r(5, 5);

/**
 * CloudTrail LookupEvents: "limited to two per second, per account, per Region" (API reference).
 * AWS documents no burst, so none is assumed: the bucket never sends faster than the rate.
 */
export const CLOUDTRAIL_LOOKUP_RATE: Rate = r(2, 1);

/**
 * The bucket an operation draws from: its own for Organizations, identitystore, STS and
 * CloudTrail, the single shared one for sso-admin. CloudTrail's rate is per Region: a backend
 * that looks up events in two Regions keeps one limiter per Region.
 */
export function bucketFor(
  service: ServiceName,
  operation: string,
): { readonly key: string; readonly rate: Rate } {
  switch (service) {
    case 'organizations':
      return {
        key: `organizations:${operation}`,
        rate: ORGANIZATIONS_RATES[operation] ?? ORGANIZATIONS_DEFAULT_RATE,
      };
    case 'sso-admin':
      return { key: 'sso-admin:*', rate: SSO_ADMIN_SHARED_RATE };
    case 'identitystore':
      return { key: `identitystore:${operation}`, rate: IDENTITY_STORE_RATE };
    case 'sts':
      return { key: `sts:${operation}`, rate: STS_RATE };
    case 'cloudtrail':
      return { key: `cloudtrail:${operation}`, rate: CLOUDTRAIL_LOOKUP_RATE };
    case 'service-quotas':
      return { key: `service-quotas:${operation}`, rate: SERVICE_QUOTAS_RATE };
  }
}
