import type { Plan } from '@orgops/engine';
import type { Backend } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { makePlan } from '../make-plan.ts';
import { type BackendAccess, closeBackend, openBackend } from '../open-backend.ts';
import { renderPlan } from '../render.ts';
import { approveAndApply } from './apply-run.ts';
import { readPlanFile } from './show.ts';

export interface ApplyOptions extends GlobalOptions {
  readonly autoApprove?: boolean;
  readonly allowAccountClosure?: boolean;
  readonly stats?: boolean;
  readonly lockTimeout?: string;
}

/**
 * `orgops apply [PLANFILE]`. With a plan file, applies exactly that reviewed plan after checking
 * that nothing it touches changed since; without one, plans now and asks before applying.
 */
export async function applyCommand(
  ctx: CommandContext,
  planFile: string | undefined,
  options: ApplyOptions,
): Promise<number> {
  const started = Date.now();
  let plan: Plan;
  let backend: Backend;
  if (planFile) {
    plan = await readPlanFile(ctx, planFile);
    if (plan.target.backend !== options.backend) {
      throw new OrgopsError(
        'plan-backend-mismatch',
        `${planFile} was made against the ${plan.target.backend} backend (${plan.target.location}); this run uses --backend ${options.backend}. Pass --backend ${plan.target.backend}.`,
      );
    }
    backend = await openBackend(options, ctx.cwd, writeAccess(ctx, options));
    ctx.io.out(renderPlan(plan, 'text', { color: ctx.io.color }));
  } else {
    const run = await makePlan(ctx, options, 'fail', writeAccess(ctx, options));
    plan = run.plan;
    backend = run.backend;
    ctx.io.out(renderPlan(plan, 'text', { color: ctx.io.color }));
  }

  try {
    return await approveAndApply(ctx, plan, backend, options, started);
  } finally {
    await closeBackend(backend);
  }
}

/**
 * Apply (and quarantine) write: the sandbox is locked for this run, waiting `--lock-timeout` for
 * another to finish.
 */
export function writeAccess(ctx: CommandContext, options: Pick<ApplyOptions, 'lockTimeout'>): BackendAccess {
  const seconds = Number(options.lockTimeout ?? 10);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new OrgopsError(
      'bad-lock-timeout',
      `--lock-timeout takes seconds (0 or more), not '${options.lockTimeout}'.`,
    );
  return { write: { command: ctx.command, waitMs: seconds * 1000 } };
}
