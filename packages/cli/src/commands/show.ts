import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPlan, type Plan } from '@orgops/engine';
import { OrgopsError } from '@orgops/model';
import type { CommandContext } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { parseFormat, renderPlan } from '../render.ts';
import { reviewAnalyzer } from '../review-analyzer.ts';
import { TOOL_VERSION } from '../version.ts';

/**
 * Reads and checks a saved plan file; throws a user error naming what is wrong with it. The plan
 * returned carries the review recomputed from its changes (with the CLI's analyzer, the one it
 * plans with), never the one stored in the file.
 */
export async function readPlanFile(ctx: CommandContext, path: string): Promise<Plan> {
  const file = resolve(ctx.cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new OrgopsError(
      'plan-file-unreadable',
      `Cannot read plan file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`,
    );
  }
  const parsed = await loadPlan(text, path, TOOL_VERSION, reviewAnalyzer);
  printDiagnostics(ctx.io, parsed.warnings, ctx.cwd);
  if (!parsed.ok) {
    printDiagnostics(ctx.io, parsed.errors, ctx.cwd);
    if (parsed.errors.some((e) => e.code === 'plan-file-altered')) {
      throw new OrgopsError(
        'plan-file-altered',
        `${path} was altered after \`orgops plan\` wrote it (see above). Nothing was changed; make a new plan and review it.`,
      );
    }
    throw new OrgopsError(
      'plan-file-invalid',
      `${path} is not a plan this orgops can use. Nothing was changed.`,
    );
  }
  return parsed.value;
}

/** `orgops show PLANFILE`: render a saved plan in any view, e.g. for the PR comment. */
export async function showCommand(
  ctx: CommandContext,
  planFile: string,
  options: { format: string },
): Promise<number> {
  const plan = await readPlanFile(ctx, planFile);
  ctx.io.out(renderPlan(plan, parseFormat(options.format), { color: ctx.io.color }));
  return EXIT.ok;
}
