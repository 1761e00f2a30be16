import type { Plan } from '@orgops/engine';
import { applyPlan, bucketFor, readSnapshot } from '@orgops/live';
import { type DesiredState, LIMITS } from '@orgops/model';
import { createSandbox, type SandboxState } from '@orgops/sandbox';
import { bucketLoads } from './floor.ts';
import { type Model, measureRender, pacedSandbox, plan, type RenderMeasure } from './measure.ts';

export interface ApplyMeasure {
  readonly changes: number;
  /** Modeled seconds of the writes, after the freshness read. */
  readonly writeSeconds: number;
  /** Modeled seconds of the re-read apply makes first, to refuse a stale plan. */
  readonly freshnessReadSeconds: number;
  /**
   * The least time AWS's 15 outstanding assignment operations allow: the changes in waves of 15,
   * each as long as one request takes to complete (the call, then `asyncPolls` polls).
   */
  readonly outstandingLimitSeconds: number;
  /** The least time sso-admin's shared rate allows for the write phase's calls. */
  readonly rateLimitSeconds: number;
  /** Calls of the write phase per operation. */
  readonly calls: Readonly<Record<string, number>>;
  /** CPU time to render the plan of these changes in each format. */
  readonly renderMs: RenderMeasure;
}

/**
 * Takes `count` assignments out of the organization (spread over every principal and account),
 * plans the config against it (so the plan creates them again) and applies that plan on modeled
 * time, through the applier's real gates (15 outstanding assignment operations, one role update
 * per account).
 */
export async function measureApply(
  state: SandboxState,
  desired: DesiredState,
  model: Model,
  count: number,
): Promise<ApplyMeasure> {
  const missing = withoutAssignments(state, count);
  const snapshot = await readSnapshot(createSandbox(missing));
  const p: Plan = plan(desired, snapshot);
  if (p.summary.total !== count)
    throw new Error(`Expected a plan of ${count} assignment changes, got ${p.summary.total}.`);
  const renderMs = measureRender(p);

  const { sandbox, clock, backend } = pacedSandbox(missing, model);
  let writesFrom = 0;
  let before = sandbox.stats();
  const result = await clock.run(() =>
    applyPlan(p, backend, {
      clock,
      pollIntervalMs: model.pollIntervalMs,
      onEvent: (e) => {
        if (e.kind === 'phase' && writesFrom === 0) {
          writesFrom = clock.now();
          before = sandbox.stats();
        }
      },
    }),
  );
  if (!result.ok || result.counts.done !== count)
    throw new Error(`The modeled apply did not complete: ${JSON.stringify(result.counts)}`);
  const after = sandbox.stats();
  const calls: Record<string, number> = {};
  for (const [key, n] of Object.entries(after.calls)) {
    const d = n - (before.calls[key] ?? 0);
    if (d > 0) calls[key] = d;
  }
  const requestMs = model.latencyMs + model.asyncPolls * (model.pollIntervalMs + model.latencyMs);
  const waves = Math.ceil(count / LIMITS.identityCenter.maxOutstandingAssignmentOperations);
  const sso = bucketLoads(calls).find(
    (b) => b.bucket === bucketFor('sso-admin', 'CreateAccountAssignment').key,
  );
  return {
    changes: count,
    writeSeconds: (clock.now() - writesFrom) / 1000,
    freshnessReadSeconds: writesFrom / 1000,
    outstandingLimitSeconds: (waves * requestMs) / 1000,
    rateLimitSeconds: sso?.seconds ?? 0,
    calls,
    renderMs,
  };
}

/**
 * The state with `count` assignments removed, evenly spread, and each permission set unprovisioned
 * where its last assignment went (as AWS removes the role).
 */
export function withoutAssignments(state: SandboxState, count: number): SandboxState {
  const next = structuredClone(state);
  const ic = next.identityCenter!;
  const all = ic.assignments;
  if (count > all.length) throw new Error(`Cannot remove ${count} of ${all.length} assignments.`);
  const step = all.length / count;
  const drop = new Set<number>();
  for (let k = 0; k < count; k++) drop.add(Math.floor(k * step));
  ic.assignments = all.filter((_, i) => !drop.has(i));
  const used = new Set(ic.assignments.map((a) => `${a.permissionSetArn}|${a.accountId}`));
  for (const ps of ic.permissionSets)
    for (const accountId of Object.keys(ps.provisioned))
      if (!used.has(`${ps.arn}|${accountId}`)) delete ps.provisioned[accountId];
  return next;
}
