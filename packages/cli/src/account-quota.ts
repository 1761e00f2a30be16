import type { Snapshot } from '@orgops/engine';
import { LIMITS, OrgopsError } from '@orgops/model';

/**
 * `--account-quota N` or ORGOPS_ACCOUNT_QUOTA: the organization's account quota when AWS raised it
 * through a support case and Service Quotas does not show it. Empty means not given, so a workflow
 * can pass an unset repository variable.
 */
export function parseAccountQuota(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  const max = LIMITS.organizations.maxAccountsQuotaCeiling;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new OrgopsError(
      'bad-account-quota',
      `--account-quota (or ORGOPS_ACCOUNT_QUOTA) must be a whole number of accounts from 1 to ${max}, not '${value}'. Give the quota AWS granted your organization (Service Quotas, AWS Organizations, "Default maximum number of accounts").`,
    );
  return n;
}

/** The snapshot with the quota the user gave in place of the one read: the planner and the rehearsal use it. */
export function withAccountQuota(snapshot: Snapshot, quota: number | undefined): Snapshot {
  return quota === undefined ? snapshot : { ...snapshot, quotas: { maxAccounts: quota } };
}
