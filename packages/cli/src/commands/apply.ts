import { changesOf, isEmptyPlan, type Plan } from '@orgops/engine';
import { applyPlan, type Backend } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { paint } from '../io.ts';
import { makePlan } from '../make-plan.ts';
import { openBackend } from '../open-backend.ts';
import { renderPlan } from '../render.ts';
import { formatStats } from '../stats.ts';
import { formatApplyEvent, formatApplyResult } from './apply-report.ts';
import { readPlanFile } from './show.ts';

export interface ApplyOptions extends GlobalOptions {
  readonly autoApprove?: boolean;
  readonly allowAccountClosure?: boolean;
  readonly stats?: boolean;
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
    backend = await openBackend(options, ctx.cwd);
    ctx.io.out(renderPlan(plan, 'text', { color: ctx.io.color }));
  } else {
    const run = await makePlan(ctx, options);
    plan = run.plan;
    backend = run.backend;
    ctx.io.out(renderPlan(plan, 'text', { color: ctx.io.color }));
  }

  if (isEmptyPlan(plan)) return EXIT.ok;

  const closures = changesOf(plan).filter((c) => c.kind === 'account-close');
  if (closures.length && !options.allowAccountClosure) {
    throw new OrgopsError(
      'closure-not-allowed',
      `The plan closes ${closures.length} account(s) (${closures.map((c) => c.address).join(', ')}). Closing is irreversible after 90 days; re-run with --allow-account-closure to confirm.`,
    );
  }

  if (!options.autoApprove) {
    if (!ctx.io.interactive || !ctx.io.ask) {
      throw new OrgopsError(
        'approval-required',
        'Refusing to apply without approval: no terminal to ask on. Review the plan and pass --auto-approve.',
      );
    }
    const answer = await ctx.io.ask(
      `\nApply these ${plan.summary.total} changes to ${plan.target.backend === 'aws' ? `AWS organization ${plan.target.organizationId}` : `the sandbox (${plan.target.location})`}? Only 'yes' is accepted: `,
    );
    if (answer.trim() !== 'yes') {
      ctx.io.err('Apply cancelled. Nothing was changed.');
      return EXIT.error;
    }
  }

  ctx.io.progress(`Applying ${plan.summary.total} changes...`);
  const result = await applyPlan(plan, backend, {
    onEvent: (e) => {
      const line = formatApplyEvent(e);
      if (line) ctx.io.progress(line);
    },
    // The sandbox finishes async requests after a few polls; no need to wait real seconds there.
    pollIntervalMs: backend.kind === 'sandbox' ? 5 : undefined,
  });
  await backend.flush?.();
  const report = formatApplyResult(result, ctx.io.color);
  if (options.stats) ctx.io.err(formatStats(backend.stats(), Date.now() - started));
  if (!result.ok) {
    ctx.io.err(report);
    ctx.io.err(
      paint.red(
        ctx.io.color,
        'Apply stopped part-way. Run `orgops plan` to see what is left; `orgops apply` finishes the job.',
      ),
    );
    return EXIT.error;
  }
  ctx.io.out(report);
  return EXIT.ok;
}
