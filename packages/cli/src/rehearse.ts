import type { Plan } from '@orgops/engine';
import type { CallStats } from '@orgops/live';
import type { CommandContext } from './command-context.ts';
import type { PlanRun } from './make-plan.ts';
import { TOOL_VERSION } from './version.ts';

export interface RehearsalRun {
  /** The plan with its rehearsal. */
  readonly plan: Plan;
  readonly elapsedMs: number;
  readonly twinStats: CallStats;
}

/**
 * `--rehearse`: applies the plan to a twin of the organization seeded from the snapshot the plan
 * was made against, then plans again against the twin. Nothing reaches the backend: the twin
 * never sees it, so there is no AWS call, read or write, beyond the plan's own read.
 */
export async function rehearseRun(
  ctx: CommandContext,
  run: PlanRun,
  options: { readonly maxAccounts?: number | undefined },
): Promise<RehearsalRun> {
  const { maxAccounts } = options;
  const { rehearsePlan } = await import('@orgops/sandbox');
  ctx.io.progress(
    `Rehearsing ${run.plan.summary.total} change(s) on a twin of the organization (in memory; no AWS calls)...`,
  );
  const result = await rehearsePlan({
    plan: run.plan,
    snapshot: run.snapshot,
    desired: run.loaded.desired,
    toolVersion: TOOL_VERSION,
    twin: maxAccounts === undefined ? {} : { maxAccounts },
  });
  return { plan: result.plan, elapsedMs: result.elapsedMs, twinStats: result.twinStats };
}

/** The rehearsal's line in `--stats`: its time, and the calls it made (to the twin only). */
export function formatRehearsalStats(r: RehearsalRun): string {
  return [
    '',
    `rehearsal: ${(r.elapsedMs / 1000).toFixed(2)} s, ${r.twinStats.total} calls to the in-memory twin, none to the organization (the counts above are the plan's own read)`,
  ].join('\n');
}
