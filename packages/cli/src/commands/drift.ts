import { classifyDrift, DRIFT_CLASS_LABELS, type DriftItem, isEmptyPlan } from '@orgops/engine';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { paint } from '../io.ts';
import { makePlan } from '../make-plan.ts';
import { parseFormat, renderPlan } from '../render.ts';

/**
 * `orgops drift`: compares the live organization with the config on main and reports every
 * difference as something that happened outside orgops, including those a plan would refuse
 * (listed, not fatal). Exit 2 when there is drift.
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
  const title = 'Drift report';
  if (format === 'json') {
    ctx.io.out(JSON.stringify({ drift: items, plan: run.plan }, null, 2));
  } else if (format === 'markdown') {
    ctx.io.out(
      `${driftMarkdown(items, run.plan.target.organizationId)}\n\n${renderPlan(run.plan, 'markdown', { color: false, title: 'Changes `orgops apply` would make' })}`,
    );
  } else {
    ctx.io.out(driftText(items, ctx.io.color, run.plan.target.organizationId));
    if (!isEmptyPlan(run.plan)) ctx.io.out(renderPlan(run.plan, 'text', { color: ctx.io.color, title }));
  }
  return items.length ? EXIT.changes : EXIT.ok;
}

function grouped(items: readonly DriftItem[]): [string, DriftItem[]][] {
  const groups = new Map<string, DriftItem[]>();
  for (const item of items) groups.set(item.class, [...(groups.get(item.class) ?? []), item]);
  return [...groups.entries()];
}

function driftText(items: readonly DriftItem[], color: boolean, orgId: string): string {
  if (!items.length) return `${paint.green(color, '✓')} No drift: organization ${orgId} matches the config.`;
  const lines = [paint.bold(color, `Drift in organization ${orgId}: ${items.length} difference(s)`)];
  for (const [cls, list] of grouped(items)) {
    lines.push('', paint.yellow(color, `${DRIFT_CLASS_LABELS[cls as DriftItem['class']]} (${list.length})`));
    for (const i of list) {
      lines.push(`  - ${i.description}   [${i.address}]`);
      if (needsConfig(i)) lines.push(`    fix: ${i.remedy}`);
    }
  }
  lines.push(
    '',
    'Run `orgops apply` to bring the organization back to the config, or change the config to adopt the drift.',
  );
  if (items.some(needsConfig))
    lines.push(
      `${DRIFT_CLASS_LABELS['not-in-config']} / ${DRIFT_CLASS_LABELS['cannot-plan']}: \`orgops apply\` refuses until these are resolved; each says how.`,
    );
  return lines.join('\n');
}

function driftMarkdown(items: readonly DriftItem[], orgId: string): string {
  if (!items.length) return `### ✅ No drift\n\nOrganization \`${orgId}\` matches the config.`;
  const lines = [`### ⚠️ Drift in organization \`${orgId}\`: ${items.length} difference(s)`];
  for (const [cls, list] of grouped(items)) {
    lines.push('', `**${DRIFT_CLASS_LABELS[cls as DriftItem['class']]}** (${list.length})`, '');
    for (const i of list)
      lines.push(`- ${i.description} — \`${i.address}\`${needsConfig(i) ? `<br>fix: ${i.remedy}` : ''}`);
  }
  if (items.some(needsConfig))
    lines.push(
      '',
      '`orgops apply` refuses until the differences it cannot plan are resolved; each says how.',
    );
  return lines.join('\n');
}

/** A difference `apply` cannot fix: someone must change the config or the organization first. */
function needsConfig(item: DriftItem): boolean {
  return item.class === 'not-in-config' || item.class === 'cannot-plan';
}
