/**
 * Client-side request rates, from the AWS quotas pages (aws-facts.md §2.2, §3.2). Organizations
 * throttles per operation; we use the per-account figures because they are the lower ones and a
 * single orgops run is one caller. Identity Center throttles all sso-admin APIs together; the
 * identity store throttles each API on its own.
 */

import type { ServiceName } from './service.ts';

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
 * The bucket an operation draws from: its own for Organizations, identitystore and STS, the
 * single shared one for sso-admin.
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
    case 'service-quotas':
      return { key: `service-quotas:${operation}`, rate: SERVICE_QUOTAS_RATE };
  }
}
