import {
  analyzeOutOfBand,
  changesOf,
  classifyDrift,
  heldAccounts,
  isEmptyPlan,
  renderDriftMarkdown,
  renderDriftText,
} from '@orgops/engine';
import { type DriftRead, readForDrift } from '@orgops/live';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { baselinePath, describeRead, parseSince, readBaseline, writeBaseline } from '../drift-baseline.ts';
import { EXIT } from '../exit-codes.ts';
import { makePlan, type SnapshotReader } from '../make-plan.ts';
import { parseFormat, renderPlan } from '../render.ts';
import { reviewAnalyzer } from '../review-analyzer.ts';

export interface DriftOptions extends GlobalOptions {
  readonly format: string;
  /** Re-read only what CloudTrail shows written since this time (ISO 8601). */
  readonly since?: string;
  /** The last full read: read to continue from it, written after every full read. */
  readonly baseline?: string;
}

/**
 * `orgops drift`: compares the live organization with the config on main and reports every
 * difference as something that happened outside orgops, including those a plan would refuse
 * (listed, not fatal), with the risks of what happened rated as a plan would rate the same change.
 * Exit 2 when there is drift. The report renders names from the organization as inert data
 * (engine `render/drift.ts`).
 *
 * With `--since` or `--baseline`, the read continues from the last full read (the baseline file)
 * and re-reads only what CloudTrail shows written since; it reads everything when it cannot (and
 * says why), and then saves that read as the next baseline.
 */
export async function driftCommand(ctx: CommandContext, options: DriftOptions): Promise<number> {
  const format = parseFormat(options.format);
  const since = parseSince(options.since);
  const incremental = since !== undefined || options.baseline !== undefined;
  const file = baselinePath(options.baseline, ctx.cwd);
  let done: DriftRead | undefined;
  const read: SnapshotReader | undefined = incremental
    ? async (backend, readOptions) => {
        done = await readForDrift(backend, readBaseline(file), {
          ...readOptions,
          ...(since ? { since } : {}),
        });
        if (done.mode === 'full') writeBaseline(file, done.record);
        return done.snapshot;
      }
    : undefined;
  // Drift never fails on what a plan must refuse (an account nobody put in config…): it lists it
  // with every other difference.
  const run = await makePlan(ctx, options, 'report', {}, read);
  const summary = done ? describeRead(done, file) : undefined;
  if (summary) ctx.io.err(summary.line);
  const items = classifyDrift(run.plan, run.refused);
  const orgId = run.plan.target.organizationId;
  // Rated as what happened (a grant made by hand is a gain), not as the plan that would revert it.
  const { risks } = await analyzeOutOfBand(
    { changes: changesOf(run.plan), desired: run.loaded.desired, snapshot: run.snapshot },
    reviewAnalyzer,
  );
  if (format === 'json') {
    ctx.io.out(
      JSON.stringify(
        { drift: items, risks, ...(summary ? { read: summary.json } : {}), plan: run.plan },
        null,
        2,
      ),
    );
  } else if (format === 'markdown') {
    ctx.io.out(
      `${renderDriftMarkdown(items, orgId, { risks })}\n\n${renderPlan(run.plan, 'markdown', { color: false, title: 'Changes orgops apply would make' })}`,
    );
  } else {
    ctx.io.out(
      renderDriftText(items, orgId, {
        color: ctx.io.color,
        risks,
        held: heldAccounts(run.plan.reviewContext),
      }),
    );
    if (!isEmptyPlan(run.plan))
      ctx.io.out(renderPlan(run.plan, 'text', { color: ctx.io.color, title: 'Drift report' }));
  }
  return items.length ? EXIT.changes : EXIT.ok;
}
