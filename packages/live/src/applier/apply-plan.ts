import {
  type Change,
  changesOf,
  foreignPlanReason,
  IDENTITY_CENTER_GATES,
  LANE_LIMITS,
  LANE_OF_KIND,
  type Lane,
  type PhaseName,
  type Plan,
  serialKeyOf,
  staleAddresses,
  wavesOf,
} from '@orgops/engine';
import { OrgopsError } from '@orgops/model';
import { KeyedQueue, Limiter } from '../concurrency.ts';
import { systemClock } from '../pacing/clock.ts';
import { type Backend, type CallStats, ServiceError } from '../ports.ts';
import { readSnapshot } from '../reader/read-snapshot.ts';
import { ApplyContext, AsyncRequestFailed, NotStarted } from './apply-context.ts';
import { executeChange } from './execute-change.ts';
import type { Executed, IdentityCenterGates } from './executor.ts';
import type { ApplyError, ApplyOptions, ApplyResult, ChangeOutcome, OutcomeStatus } from './types.ts';

/**
 * Applies a saved plan: re-reads the organization and refuses a foreign or stale plan, then runs
 * the phases in order, resolving ids as it goes. Every ordering and concurrency rule it follows
 * (phases, waves, per-target order, lanes, Identity Center gates) comes from `@orgops/engine`'s
 * ordering module, the one the planner orders the plan with. On the first failure no new work starts,
 * in-flight work finishes, and the result lists every change as done, skipped, failed or not
 * started, so a re-plan picks up exactly what is left.
 */
export async function applyPlan(
  plan: Plan,
  backend: Backend,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const emit = options.onEvent ?? (() => {});
  const before = backend.stats();
  const principals = planPrincipals(plan);
  emit({ kind: 'refresh', message: `re-reading ${backend.location} to check the plan is still current` });
  const snapshot = options.readSnapshot
    ? await options.readSnapshot(backend, principals)
    : await readSnapshot(backend, {
        principals,
        assignments: options.assignments,
        policyTypes: planPolicyTypes(plan),
      });

  const foreign = foreignPlanReason(plan, snapshot);
  if (foreign)
    throw new OrgopsError('plan-foreign', `${foreign} Make a new plan against this organization.`, 'user');
  const stale = staleAddresses(plan, snapshot);
  if (stale.length > 0) {
    const names = stale.map((s) => `  ${s.address}`).join('\n');
    throw new OrgopsError(
      'plan-stale',
      `The plan is stale: ${stale.length} object(s) changed since it was made:\n${names}\nRun plan again and review the new plan.`,
      'user',
    );
  }

  const ctx = new ApplyContext(
    backend,
    snapshot,
    emit,
    options.pollIntervalMs ?? 1000,
    options.maxPolls ?? 900,
    options.clock ?? systemClock,
  );
  const gates: IdentityCenterGates = {
    provisioning: new Limiter(IDENTITY_CENTER_GATES.concurrentProvisioning),
    assignments: new Limiter(IDENTITY_CENTER_GATES.outstandingAssignments),
    // One role update at a time per account (IDENTITY_CENTER_GATES.roleUpdatesPerAccount).
    perAccount: new KeyedQueue(),
  };
  const outcomes = new Map<Change, ChangeOutcome>();
  let halted = false;

  const runChange = async (phase: PhaseName, change: Change): Promise<void> => {
    if (halted) {
      outcomes.set(change, { phase, address: change.address, change, status: 'not-started' });
      return;
    }
    emit({ kind: 'start', phase, address: change.address, change });
    try {
      const done: Executed = await executeChange(ctx, change, gates);
      const status: OutcomeStatus = done.skipped ? 'skipped' : 'done';
      outcomes.set(change, {
        phase,
        address: change.address,
        change,
        status,
        ...(done.note ? { note: done.note } : {}),
      });
      if (done.skipped) emit({ kind: 'skipped', address: change.address, note: done.note ?? 'skipped' });
      else emit({ kind: 'done', address: change.address, ...(done.note ? { note: done.note } : {}) });
    } catch (err) {
      if (err instanceof NotStarted) {
        outcomes.set(change, { phase, address: change.address, change, status: 'not-started' });
        return;
      }
      const error = toApplyError(err);
      outcomes.set(change, { phase, address: change.address, change, status: 'failed', error });
      emit({ kind: 'failed', address: change.address, error });
      if (options.continueAfterFailure) return;
      if (!halted) emit({ kind: 'halt', message: 'stopping: no new changes start after a failure' });
      halted = true;
      ctx.halted = true;
    }
  };

  for (const phase of plan.phases) {
    if (phase.changes.length === 0) continue;
    emit({ kind: 'phase', phase: phase.name, changes: phase.changes.length });
    for (const wave of wavesOf(phase.name, phase.changes)) {
      const lanes = new Map<Lane, Limiter>();
      const perTarget = new KeyedQueue();
      await Promise.all(
        wave.map((change) => {
          const lane = LANE_OF_KIND[change.kind];
          let limiter = lanes.get(lane);
          if (!limiter) {
            limiter = new Limiter(LANE_LIMITS[lane]);
            lanes.set(lane, limiter);
          }
          const gate = limiter;
          // A target's attachments run in plan order (attach the new policy before detaching the old).
          const key = serialKeyOf(change);
          const task = () => gate.run(() => runChange(phase.name, change));
          return key ? perTarget.run(key, task) : task();
        }),
      );
    }
  }

  const list = changesOf(plan).map(
    (change, i) =>
      outcomes.get(change) ?? {
        phase: phaseOf(plan, i),
        address: change.address,
        change,
        status: 'not-started' as const,
      },
  );
  const counts: Record<OutcomeStatus, number> = { done: 0, skipped: 0, failed: 0, 'not-started': 0 };
  for (const o of list) counts[o.status] += 1;
  return {
    ok: counts.failed === 0 && counts['not-started'] === 0,
    outcomes: list,
    counts,
    stats: diffStats(before, backend.stats()),
  };
}

/** Principals named by assignment changes: the freshness read must resolve them as the planner did. */
function planPrincipals(plan: Plan): { type: 'GROUP' | 'USER'; name: string }[] {
  const seen = new Map<string, { type: 'GROUP' | 'USER'; name: string }>();
  for (const c of changesOf(plan)) {
    if (c.kind === 'assignment')
      seen.set(`${c.principal.type}:${c.principal.name}`, { type: c.principal.type, name: c.principal.name });
  }
  return [...seen.values()];
}

/**
 * Policy types the plan touches: the freshness read must see their policies even while a type is
 * still disabled (the plan may enable it and then detach FullAWSAccess, or attach a policy AWS
 * kept from before the type was disabled).
 */
function planPolicyTypes(plan: Plan): string[] {
  const types = new Set<string>();
  for (const c of changesOf(plan)) {
    if ('policyType' in c) types.add(c.policyType);
  }
  return [...types];
}

function phaseOf(plan: Plan, index: number): PhaseName {
  let i = index;
  for (const p of plan.phases) {
    if (i < p.changes.length) return p.name;
    i -= p.changes.length;
  }
  return plan.phases[plan.phases.length - 1]!.name;
}

function toApplyError(err: unknown): ApplyError {
  if (err instanceof AsyncRequestFailed)
    return {
      code: err.code,
      message: err.message,
      operation: err.operation,
      ...(err.reason ? { reason: err.reason } : {}),
    };
  if (err instanceof OrgopsError) return { code: err.code, message: err.message };
  if (err instanceof ServiceError)
    return {
      code: err.code,
      ...(err.reason ? { reason: err.reason } : {}),
      message: err.message,
      operation: `${err.service}:${err.operation}`,
    };
  if (
    err &&
    typeof err === 'object' &&
    'code' in err &&
    typeof (err as { code: unknown }).code === 'string'
  ) {
    const e = err as { code: string; reason?: string; message?: string };
    return { code: e.code, ...(e.reason ? { reason: e.reason } : {}), message: e.message ?? e.code };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

function diffStats(before: CallStats, after: CallStats): CallStats {
  const calls: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.calls)) {
    const d = v - (before.calls[k] ?? 0);
    if (d > 0) calls[k] = d;
  }
  return { calls, total: after.total - before.total };
}
