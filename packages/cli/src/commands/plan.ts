import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isEmptyPlan, rehearsalBlocks, serializePlan } from '@orgops/engine';
import { lintSummary, renderLintText, toReviewFindings } from '@orgops/lint';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { makePlan } from '../make-plan.ts';
import { formatRehearsalStats, rehearseRun } from '../rehearse.ts';
import { parseFormat, renderPlan } from '../render.ts';
import { lintLoaded, lintRoot } from '../run-lint.ts';
import { formatStats } from '../stats.ts';

export interface PlanOptions extends GlobalOptions {
  readonly out?: string;
  readonly format: string;
  readonly stats?: boolean;
  readonly rehearse?: boolean;
}

/**
 * `orgops plan`: exit 0 when the organization matches the config, 2 when there are changes, 3 when
 * `--rehearse` found changes AWS would refuse or a plan that does not converge. The config's lint
 * findings are the markdown review's "Lint findings" section, and go to stderr in the other
 * formats; they never change the exit code (`orgops lint` does).
 */
export async function planCommand(ctx: CommandContext, options: PlanOptions): Promise<number> {
  const format = parseFormat(options.format);
  const run = await makePlan(ctx, options);
  const rehearsal = options.rehearse
    ? await rehearseRun(ctx, run, { maxAccounts: run.accountQuota })
    : undefined;
  const plan = rehearsal?.plan ?? run.plan;
  const lint = await lintLoaded(run.loaded);
  const root = lintRoot(ctx);
  ctx.io.out(renderPlan(plan, format, { color: ctx.io.color, lint: toReviewFindings(lint, { root }) }));
  if (format !== 'markdown') {
    if (lint.findings.length > 0)
      ctx.io.err(
        renderLintText({ findings: lint.findings, waived: [] }, { root, groupAfter: 3 }).replace(
          /\n[^\n]*$/,
          '',
        ),
      );
    ctx.io.progress(`Lint: ${lintSummary(lint)}`);
  }
  if (options.out) {
    const file = resolve(ctx.cwd, options.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializePlan(plan));
    ctx.io.progress(
      `Saved the plan to ${options.out}. Apply exactly this plan with: orgops apply ${options.out}`,
    );
  }
  if (options.stats)
    ctx.io.err(
      `${formatStats(run.backend.stats(), run.elapsedMs, run.snapshot)}${rehearsal ? formatRehearsalStats(rehearsal) : ''}`,
    );
  if (rehearsalBlocks(plan)) return EXIT.rehearsalBlocked;
  return isEmptyPlan(plan) ? EXIT.ok : EXIT.changes;
}
