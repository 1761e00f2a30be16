import { relative } from 'node:path';
import { expandAssignments } from '@orgops/engine';
import type { CommandContext, GlobalOptions } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { paint } from '../io.ts';
import { loadValidConfig } from '../make-plan.ts';

/** `orgops validate`: schema and rules only; reads no organization, so it runs anywhere. */
export async function validateCommand(
  ctx: CommandContext,
  options: Pick<GlobalOptions, 'config'> & { format?: string },
): Promise<number> {
  const { desired, file } = await loadValidConfig(ctx, options);
  const counts = {
    organizationalUnits: desired.ous.length,
    accounts: desired.accounts.length,
    policies: desired.policies.filter((p) => !p.awsManaged).length,
    attachments: desired.attachments.length,
    permissionSets: desired.permissionSets.length,
    assignmentRules: desired.assignments.length,
    assignments: expandAssignments(desired).length,
  };
  if (options.format === 'json') {
    ctx.io.out(JSON.stringify({ valid: true, file, counts }, null, 2));
  } else {
    ctx.io.out(
      `${paint.green(ctx.io.color, '✓')} ${relative(ctx.cwd, file) || file} is valid: ${n(counts.organizationalUnits, 'OU')}, ${n(counts.accounts, 'account')}, ${n(counts.policies, 'policy', 'policies')} (${n(counts.attachments, 'attachment')}), ${n(counts.permissionSets, 'permission set')}, ${n(counts.assignmentRules, 'assignment rule')} (${n(counts.assignments, 'assignment')}).`,
    );
  }
  return EXIT.ok;
}

function n(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
