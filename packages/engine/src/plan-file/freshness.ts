import type { Plan } from '../plan.ts';
import type { Snapshot } from '../snapshot.ts';
import { observedDigest } from './observe.ts';

export interface StaleObject {
  readonly address: string;
  readonly planned: string;
  readonly now: string;
}

/** Addresses whose observed state changed since the plan was made. Empty means the plan is fresh. */
export function staleAddresses(plan: Pick<Plan, 'observed'>, snapshot: Snapshot): StaleObject[] {
  const stale: StaleObject[] = [];
  for (const [addr, planned] of Object.entries(plan.observed)) {
    const now = observedDigest(snapshot, addr);
    if (now !== planned) stale.push({ address: addr, planned, now });
  }
  return stale;
}

/** Why a plan cannot be applied to this organization, or undefined when it can. */
export function foreignPlanReason(plan: Pick<Plan, 'target'>, snapshot: Snapshot): string | undefined {
  if (plan.target.organizationId !== snapshot.organization.id) {
    return `The plan was made for organization ${plan.target.organizationId} (${plan.target.backend}), but this is ${snapshot.organization.id} (${snapshot.source.backend}).`;
  }
  if (plan.target.backend !== snapshot.source.backend) {
    return `The plan was made against the ${plan.target.backend} backend, not ${snapshot.source.backend}.`;
  }
  return undefined;
}
