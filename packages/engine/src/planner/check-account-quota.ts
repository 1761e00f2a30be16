import { type DesiredState, LIMITS } from '@orgops/model';
import type { AccountCreate } from '../change.ts';
import type { Snapshot } from '../snapshot.ts';
import type { PlanBuilder } from './builder.ts';

/**
 * The organization's account quota, checked at plan time as the closure quota is: a plan that
 * creates more accounts than the quota leaves room for would pass review and then fail at apply
 * with ACCOUNT_LIMIT_EXCEEDED, after the accounts before it were created. AWS counts every account
 * not yet permanently closed, ignored ones too, and closing an account frees no room until AWS
 * removes it, so closures in the same plan do not help.
 */
export function checkAccountQuota(desired: DesiredState, snapshot: Snapshot, out: PlanBuilder): void {
  const creates = (out.phases.get('create-accounts') ?? []).filter(
    (c): c is AccountCreate => c.kind === 'account-create',
  );
  if (creates.length === 0) return;
  const quota = snapshot.quotas?.maxAccounts;
  const where = quotaHome(snapshot);
  if (quota === undefined) {
    const why = snapshot.quotas?.maxAccountsUnreadable;
    if (why === undefined) return;
    out.warn('account-quota-unknown', {
      message: `The plan creates ${creates.length} account(s), but the organization's account quota could not be read (${why}), so it is not checked before apply.`,
      path: 'accounts',
      fix: `Allow the plan role ${where.permission}, or compare the number of accounts with the quota yourself (${where.place}) and give it with --account-quota or ORGOPS_ACCOUNT_QUOTA.`,
    });
    return;
  }
  const counted = snapshot.accounts.filter((a) => a.state !== 'CLOSED').length;
  const room = Math.max(0, quota - counted);
  if (creates.length <= room) return;
  // In config order, so the error points at the first account that does not fit.
  const created = new Set(creates.map((c) => c.email));
  const over = desired.accounts.filter((a) => created.has(a.email)).slice(room);
  const firstOver = over[0];
  out.error('account-quota', {
    message: `The config adds ${creates.length} account(s) to an organization that holds ${counted} of its quota of ${quota} accounts (suspended and closing accounts count until AWS removes them); ${creates.length - room} of them cannot be created.`,
    path: firstOver ? `accounts[${firstOver.name}]` : 'accounts',
    value: over.map((a) => a.email),
    ...(firstOver?.site ? { site: firstOver.site } : {}),
    fix: `Raise the quota to at least ${counted + creates.length} (${where.raise}), or add fewer accounts.`,
  });
}

function quotaHome(snapshot: Snapshot): { raise: string; place: string; permission: string } {
  if (snapshot.source.backend === 'sandbox')
    return {
      raise: `set quotas.maxAccounts in the sandbox file ${snapshot.source.location}`,
      place: `quotas.maxAccounts in ${snapshot.source.location}`,
      permission: 'nothing more',
    };
  return {
    raise: `from the management account, request an increase of "Default maximum number of accounts" (${LIMITS.organizations.accountQuotaCode}) for AWS Organizations in Service Quotas, region us-east-1; if AWS already raised it through a support case that Service Quotas does not show, give it with --account-quota or ORGOPS_ACCOUNT_QUOTA`,
    place: `Service Quotas, us-east-1, AWS Organizations, ${LIMITS.organizations.accountQuotaCode}`,
    permission: 'servicequotas:GetServiceQuota and servicequotas:GetAWSDefaultServiceQuota',
  };
}
