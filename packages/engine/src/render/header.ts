import type { Plan, PlanTarget } from '../plan.ts';

/** Options every view accepts. */
export interface ViewOptions {
  /** Replaces "orgops plan", e.g. "orgops drift" when the CLI shows drift with the plan views. */
  readonly title?: string;
}

export const DEFAULT_TITLE = 'orgops plan';

/**
 * What the plan was made against, in one line: the backend first, so a sandbox plan is never
 * mistaken for production.
 */
export function targetWords(target: PlanTarget): string {
  const mgmt = `management account ${target.managementAccountId}`;
  return target.backend === 'sandbox'
    ? `SANDBOX ${target.location} (organization ${target.organizationId}, ${mgmt})`
    : `AWS organization ${target.organizationId} (${mgmt}) via ${target.location}`;
}

/** Provenance line: tool and limits versions and when the plan was made. */
export function provenanceWords(plan: Plan): string {
  return `orgops ${plan.toolVersion} · limits ${plan.limitsVersion} · planned ${plan.createdAt}`;
}
