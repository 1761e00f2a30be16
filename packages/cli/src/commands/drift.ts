import {
  classifyDrift,
  heldAccounts,
  isEmptyPlan,
  renderDriftMarkdown,
  renderDriftText,
} from '@orgops/engine';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { makePlan } from '../make-plan.ts';
import { parseFormat, renderPlan } from '../render.ts';

/**
 * `orgops drift`: compares the live organization with the config on main and reports every
 * difference as something that happened outside orgops, including those a plan would refuse
 * (listed, not fatal). Exit 2 when there is drift. The report renders names from the organization
 * as inert data (engine `render/drift.ts`).
 */
export async function driftCommand(
  ctx: CommandContext,
  options: GlobalOptions & { format: string },
): Promise<number> {
  const format = parseFormat(options.format);
  // Drift never fails on what a plan must refuse (an account nobody put in config…): it lists it
  // with every other difference.
  const run = await makePlan(ctx, options, 'report');
  const items = classifyDrift(run.plan, run.refused);
  const orgId = run.plan.target.organizationId;
  if (format === 'json') {
    ctx.io.out(JSON.stringify({ drift: items, plan: run.plan }, null, 2));
  } else if (format === 'markdown') {
    ctx.io.out(
      `${renderDriftMarkdown(items, orgId)}\n\n${renderPlan(run.plan, 'markdown', { color: false, title: 'Changes orgops apply would make' })}`,
    );
  } else {
    ctx.io.out(
      renderDriftText(items, orgId, { color: ctx.io.color, held: heldAccounts(run.plan.reviewContext) }),
    );
    if (!isEmptyPlan(run.plan))
      ctx.io.out(renderPlan(run.plan, 'text', { color: ctx.io.color, title: 'Drift report' }));
  }
  return items.length ? EXIT.changes : EXIT.ok;
}
