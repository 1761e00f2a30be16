import { type DesiredState, type Diagnostic, LIMITS_VERSION, type Result } from '@orgops/model';
import type { AnalysisInput } from '../analysis/analysis-context.ts';
import type { PlanAnalysis } from '../analysis/types.ts';
import { orderWithinPhase } from '../ordering/within-phase.ts';
import { PHASES, type Plan, type PlanPhase } from '../plan.ts';
import { observedDigest } from '../plan-file/observe.ts';
import { sealPlan } from '../plan-file/seal.ts';
import type { Snapshot } from '../snapshot.ts';
import { PlanBuilder } from './builder.ts';
import { checkAccountQuota } from './check-account-quota.ts';
import { checkDeletions } from './check-deletions.ts';
import { checkIgnoredPolicies } from './check-ignored-policies.ts';
import { diffAccounts } from './diff-accounts.ts';
import { diffAssignments } from './diff-assignments.ts';
import { diffAttachments } from './diff-attachments.ts';
import { diffDelegatedAdmins, diffOrganizationSettings } from './diff-organization.ts';
import { diffOus } from './diff-ous.ts';
import { diffPermissionSets } from './diff-permission-sets.ts';
import { diffPolicies } from './diff-policies.ts';
import { indexSnapshot } from './live-index.ts';
import { reviewDesiredOf } from './quarantine-holds.ts';

export interface PlanInput {
  readonly desired: DesiredState;
  readonly snapshot: Snapshot;
  readonly toolVersion: string;
  readonly now?: Date;
  /**
   * Computes the review analysis; injected so the planner stays independent of the analyzers. It
   * receives the review context the plan file carries, not the full config and snapshot.
   */
  readonly analyze?: (input: AnalysisInput) => PlanAnalysis;
}

/**
 * desired + snapshot -> Plan. Pure: the same inputs give the same plan. Plan-time errors (unknown
 * principals, accounts removed from config, ids that do not exist, anything AWS would refuse half
 * way) fail the whole plan so nothing half-understood is ever applied.
 */
export function plan(input: PlanInput): Result<Plan> {
  const result = planEverything(input);
  if (result.refused.length)
    return { ok: false, errors: [...result.refused], warnings: [...result.plan.warnings] };
  return { ok: true, warnings: [...result.plan.warnings], value: result.plan };
}

/** Every change the planner could work out, and what it had to refuse; drift reports both. */
export interface PlanWithRefusals {
  readonly plan: Plan;
  readonly refused: readonly Diagnostic[];
}

/**
 * Plans everything it can and lists the refusals beside it instead of failing: what `orgops
 * drift` needs to report every difference, including those a plan must refuse. Never apply the
 * plan of a result with refusals.
 */
export function planEverything(input: PlanInput): PlanWithRefusals {
  const { desired, snapshot } = input;
  const out = new PlanBuilder();
  const live = indexSnapshot(snapshot, desired);

  checkIgnoredPolicies(desired, out);
  diffOrganizationSettings(desired, live, out);
  const ous = diffOus(desired, live, out);
  const accounts = diffAccounts(desired, live, ous, out);
  const policies = diffPolicies(desired, live, out);
  diffAttachments(desired, live, { ous, accounts, policies }, out);
  diffDelegatedAdmins(desired, live, accounts.refOf, out, accounts.holds);
  diffPermissionSets(desired, live, out);
  diffAssignments(desired, live, accounts, out);
  checkDeletions(desired, live, { ous, accounts, policies }, out);
  checkAccountQuota(desired, snapshot, out);

  const phases: PlanPhase[] = PHASES.map((name) => ({
    name,
    changes: orderWithinPhase(name, out.phases.get(name) ?? []),
  })).filter((p) => p.changes.length > 0);
  const changes = phases.flatMap((p) => p.changes);
  const observed: Record<string, string> = {};
  for (const c of changes) observed[c.address] = observedDigest(snapshot, c.address);
  // A refused plan is never applied or reviewed; its analysis would read a partial picture.
  const analyze = out.errors.length === 0 ? input.analyze : undefined;
  // The review describes the organization as the plan leaves it: held accounts stay in quarantine.
  const facts = { desired: reviewDesiredOf(desired, accounts.holds), snapshot, analyze };

  return {
    refused: out.errors,
    plan: sealPlan(facts, {
      toolVersion: input.toolVersion,
      limitsVersion: LIMITS_VERSION,
      createdAt: (input.now ?? new Date()).toISOString(),
      target: {
        backend: snapshot.source.backend,
        location: snapshot.source.location,
        organizationId: snapshot.organization.id,
        managementAccountId: snapshot.organization.managementAccountId,
        managementAccountEmail: snapshot.organization.managementAccountEmail,
      },
      phases,
      observed,
      warnings: out.warnings,
    }),
  };
}
