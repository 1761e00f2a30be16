import type { SnapshotQuotas } from '@orgops/engine';
import type { Limiter } from '../concurrency.ts';
import { type Backend, isServiceError } from '../ports.ts';

/**
 * The quotas a plan checks. A caller that may not read them (no servicequotas permission, an
 * endpoint without Service Quotas) still gets a plan: the snapshot says why the quota is unknown
 * and the planner turns that into a warning instead of a check.
 */
export async function readQuotas(backend: Backend, run: Limiter): Promise<SnapshotQuotas | undefined> {
  const quotas = backend.quotas;
  if (!quotas) return undefined;
  try {
    return { maxAccounts: await run.run(() => quotas.getAccountQuota()) };
  } catch (err) {
    if (!isServiceError(err)) throw err;
    return { maxAccountsUnreadable: `${err.service}:${err.operation} failed with ${err.code}` };
  }
}
