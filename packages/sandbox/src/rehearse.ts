import {
  type Change,
  changesDigest,
  changesOf,
  type Plan,
  type PlanRehearsal,
  planEverything,
  type RehearsalLeftOver,
  type Snapshot,
  withRehearsal,
} from '@orgops/engine';
import {
  type ApplyResult,
  applyPlan,
  type CallStats,
  type ConfigPrincipal,
  configReadOptions,
  readSnapshot,
} from '@orgops/live';
import { type DesiredState, OrgopsError } from '@orgops/model';
import { createSandbox, type SandboxBackend } from './backend.ts';
import { refusalsOf } from './rehearsal-refusals.ts';
import { startPendingClosures, type TwinOptions, twinState } from './twin.ts';

export interface RehearseInput {
  /** The plan, as made against `snapshot`. */
  readonly plan: Plan;
  /** The snapshot the plan was made against: the twin is seeded from it and nothing else. */
  readonly snapshot: Snapshot;
  /** The config the plan was made from, to plan again against the twin. */
  readonly desired: DesiredState;
  readonly toolVersion: string;
  readonly twin?: TwinOptions;
}

export interface RehearseResult {
  /** The plan with its rehearsal, resealed. */
  readonly plan: Plan;
  readonly rehearsal: PlanRehearsal;
  /** Wall time of the whole rehearsal: seeding, apply and the second plan. */
  readonly elapsedMs: number;
  /** Calls made to the twin (none of them to AWS). */
  readonly twinStats: CallStats;
}

/** Calls after the twin's freshness read at which closures already in progress complete. */
const CLOSING_CALLS = 3;

/**
 * Rehearses a plan: seeds a twin of the organization from the plan's own snapshot, applies the
 * plan to it with the real applier (every change, going on past refusals to find them all), then
 * plans again against the twin. Touches nothing but the twin: no AWS call, read or write.
 */
export async function rehearsePlan(input: RehearseInput): Promise<RehearseResult> {
  const started = performance.now();
  const { plan, snapshot, desired } = input;
  const seed = twinState(snapshot, input.twin ?? {});
  const twin = createSandbox(seed.state, {
    asyncPolls: 0,
    location: `twin of ${snapshot.source.location}`,
  });
  const readOptions = configReadOptions(desired);
  const policyTypes = [
    ...new Set([...(readOptions.policyTypes ?? []), ...changesOf(plan).flatMap(policyTypeOf)]),
  ];

  let result: ApplyResult;
  try {
    // The twin is a sandbox: the plan's target says which organization, not which backend.
    result = await applyPlan({ ...plan, target: { ...plan.target, backend: 'sandbox' } }, twin, {
      pollIntervalMs: 0,
      continueAfterFailure: true,
      readSnapshot: async (backend, principals) => {
        const read = await readSnapshot(backend, {
          principals: mergePrincipals(readOptions.principals ?? [], principals),
          policyTypes,
        });
        startClosures(twin, seed.pendingClosures);
        return read;
      },
    });
  } catch (err) {
    if (err instanceof OrgopsError && (err.code === 'plan-stale' || err.code === 'plan-foreign'))
      throw new OrgopsError(
        'rehearsal-twin-differs',
        `The rehearsal twin does not match the snapshot it was seeded from, so the plan could not be rehearsed (a bug in orgops; please report it): ${err.message}`,
        'internal',
        { cause: err },
      );
    throw err;
  }

  const { refusals, notRehearsed } = refusalsOf(result);
  const leftOver = refusals.length === 0 ? await planAgain(twin, input) : [];
  const kinds = new Set(changesOf(plan).map((c) => c.kind));
  const rehearsal: PlanRehearsal = {
    changesDigest: changesDigest(changesOf(plan)),
    outcome: refusals.length > 0 ? 'refused' : leftOver.length > 0 ? 'does-not-converge' : 'converges',
    applied: result.counts.done,
    skipped: result.counts.skipped,
    notRehearsed,
    refusals,
    leftOver,
    assumptions: seed.assumptions.filter((a) => a.concerns.some((k) => kinds.has(k))).map((a) => a.text),
  };
  return {
    plan: withRehearsal(plan, rehearsal),
    rehearsal,
    elapsedMs: performance.now() - started,
    twinStats: twin.stats(),
  };
}

/** What a second plan against the twin still finds: nothing, when the plan converges. */
async function planAgain(twin: SandboxBackend, input: RehearseInput): Promise<RehearsalLeftOver[]> {
  const snapshot = await readSnapshot(twin, configReadOptions(input.desired));
  const again = planEverything({
    desired: input.desired,
    snapshot: { ...snapshot, source: input.snapshot.source },
    toolVersion: input.toolVersion,
  });
  return [
    ...changesOf(again.plan).map((c) => ({ address: c.address, action: c.action })),
    ...again.refused.map((d) => ({
      address: d.path,
      action: 'refused' as const,
      message: `${d.code}: ${d.message}`,
    })),
  ];
}

function startClosures(twin: SandboxBackend, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const state = twin.exportState();
  startPendingClosures(state, ids, CLOSING_CALLS);
  twin.importState(state);
}

function policyTypeOf(change: Change): string[] {
  return 'policyType' in change ? [change.policyType] : [];
}

function mergePrincipals(a: readonly ConfigPrincipal[], b: readonly ConfigPrincipal[]): ConfigPrincipal[] {
  const seen = new Map<string, ConfigPrincipal>();
  for (const p of [...a, ...b]) seen.set(`${p.type}:${p.name}`, p);
  return [...seen.values()];
}
