import type { Account } from './account.ts';
import { captureSite, type Site } from './site.ts';

/**
 * Trusted access for an AWS service in the organization, optionally with a delegated administrator
 * (for example GuardDuty administered from the security tooling account).
 */
export interface TrustedService {
  readonly kind: 'trusted-service';
  /** Service principal, e.g. `guardduty.amazonaws.com`. */
  readonly principal: string;
  readonly delegatedAdministrator?: Account;
  readonly site?: Site;
}

/**
 * @example
 * trustedService('guardduty.amazonaws.com', { delegatedAdministrator: securityTooling });
 */
export function trustedService(
  principal: string,
  options: { readonly delegatedAdministrator?: Account } = {},
): TrustedService {
  return {
    kind: 'trusted-service',
    principal,
    delegatedAdministrator: options.delegatedAdministrator,
    site: captureSite(),
  };
}

/**
 * Services whose trusted access is destructive to disable: without `sso.amazonaws.com` nobody can
 * sign in to any account through Identity Center.
 */
export const CRITICAL_SERVICE_PRINCIPALS: Readonly<Record<string, string>> = {
  'sso.amazonaws.com': 'every Identity Center sign-in to every account stops working',
  'cloudtrail.amazonaws.com': 'the organization trail stops recording member accounts',
  'guardduty.amazonaws.com': 'GuardDuty stops covering member accounts',
  'securityhub.amazonaws.com': 'Security Hub stops aggregating findings',
  'config.amazonaws.com': 'AWS Config stops recording member accounts',
  'access-analyzer.amazonaws.com': 'the organization-wide analyzer stops',
};
