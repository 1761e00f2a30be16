import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isEmptyPlan, serializePlan } from '@orgops/engine';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { makePlan } from '../make-plan.ts';
import { parseFormat, renderPlan } from '../render.ts';
import { formatStats } from '../stats.ts';

export interface PlanOptions extends GlobalOptions {
  readonly out?: string;
  readonly format: string;
  readonly stats?: boolean;
}

/** `orgops plan`: exit 0 when the organization matches the config, 2 when there are changes. */
export async function planCommand(ctx: CommandContext, options: PlanOptions): Promise<number> {
  const format = parseFormat(options.format);
  const run = await makePlan(ctx, options);
  ctx.io.out(renderPlan(run.plan, format, { color: ctx.io.color }));
  if (options.out) {
    const file = resolve(ctx.cwd, options.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializePlan(run.plan));
    ctx.io.progress(
      `Saved the plan to ${options.out}. Apply exactly this plan with: orgops apply ${options.out}`,
    );
  }
  if (options.stats) ctx.io.err(formatStats(run.backend.stats(), run.elapsedMs, run.snapshot));
  return isEmptyPlan(run.plan) ? EXIT.ok : EXIT.changes;
}
