import { type DesiredState, LIMITS_VERSION, type Result } from '@orgops/model';
import type { PlanAnalysis } from '../analysis/types.ts';
import type { Change } from '../change.ts';
import { PHASES, PLAN_FORMAT_VERSION, type Plan, type PlanPhase, type PlanSummary } from '../plan.ts';
import { observedDigest } from '../plan-file/observe.ts';
import type { Snapshot } from '../snapshot.ts';
import { PlanBuilder } from './builder.ts';
import { checkAccountQuota } from './check-account-quota.ts';
import { indexSnapshot } from './context.ts';
import { diffAccounts } from './diff-accounts.ts';
import { diffAssignments } from './diff-assignments.ts';
import { diffAttachments } from './diff-attachments.ts';
import { diffDelegatedAdmins, diffOrganizationSettings } from './diff-organization.ts';
import { diffOus } from './diff-ous.ts';
import { diffPermissionSets } from './diff-permission-sets.ts';
import { diffPolicies } from './diff-policies.ts';

export interface PlanInput {
  readonly desired: DesiredState;
  readonly snapshot: Snapshot;
  readonly toolVersion: string;
  readonly now?: Date;
  /** Computes the review analysis; injected so the planner stays independent of the analyzers. */
  readonly analyze?: (input: {
    changes: readonly Change[];
    desired: DesiredState;
    snapshot: Snapshot;
  }) => PlanAnalysis;
}

/**
 * desired + snapshot -> Plan. Pure: the same inputs give the same plan. Plan-time errors (unknown
 * principals, accounts removed from config, ids that do not exist) fail the whole plan so nothing
 * half-understood is ever applied.
 */
export function plan(input: PlanInput): Result<Plan> {
  const { desired, snapshot } = input;
  const out = new PlanBuilder();
  const live = indexSnapshot(snapshot, desired);

  diffOrganizationSettings(desired, live, out);
  const ous = diffOus(desired, live, out);
  const accounts = diffAccounts(desired, live, out);
  const policies = diffPolicies(desired, live, out);
  diffAttachments(desired, live, { ous, accounts, policies }, out);
  diffDelegatedAdmins(desired, live, accounts.refOf, out);
  diffPermissionSets(desired, live, out);
  diffAssignments(desired, live, accounts, out);
  checkAccountQuota(desired, snapshot, out);

  if (out.errors.length) return { ok: false, errors: out.errors, warnings: out.warnings };

  const phases: PlanPhase[] = PHASES.map((name) => ({
    name,
    changes: order(name, out.phases.get(name) ?? []),
  })).filter((p) => p.changes.length > 0);
  const changes = phases.flatMap((p) => p.changes);
  const observed: Record<string, string> = {};
  for (const c of changes) observed[c.address] = observedDigest(snapshot, c.address);

  return {
    ok: true,
    warnings: out.warnings,
    value: {
      formatVersion: PLAN_FORMAT_VERSION,
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
      analysis: input.analyze
        ? input.analyze({ changes, desired, snapshot })
        : { access: [], guardrails: [], risks: [] },
      summary: summarize(changes),
    },
  };
}

/** Within-phase order. Attachments keep their per-target sequence; other phases sort for stable output. */
function order(phase: string, changes: Change[]): Change[] {
  if (phase === 'attachments' || phase === 'create-ous' || phase === 'delete-ous') return changes;
  if (phase === 'delegate') {
    // A service has one delegated administrator: deregister the old one before registering the new.
    return [...changes].sort(
      (a, b) =>
        Number(a.action === 'register') - Number(b.action === 'register') ||
        a.address.localeCompare(b.address),
    );
  }
  return [...changes].sort((a, b) => a.address.localeCompare(b.address));
}

function summarize(changes: readonly Change[]): PlanSummary {
  const byAction: Partial<Record<Change['action'], number>> = {};
  for (const c of changes) byAction[c.action] = (byAction[c.action] ?? 0) + 1;
  return { total: changes.length, byAction };
}
