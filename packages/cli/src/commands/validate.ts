import { relative } from 'node:path';
import { expandAssignments } from '@orgops/engine';
import { lintSummary, renderLintJson, renderLintText } from '@orgops/lint';
import type { Diagnostic } from '@orgops/model';
import { paint } from '../color.ts';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { loadValidConfig } from '../make-plan.ts';
import { lintLoaded, lintRoot } from '../run-lint.ts';

/**
 * `orgops validate`: schema and rules; reads no organization, so it runs anywhere. Lint findings
 * follow as warnings (stderr) and in the summary: they never make the config invalid, since
 * `orgops lint` is the gate for them (exit 1 on errors).
 */
export async function validateCommand(
  ctx: CommandContext,
  options: Pick<GlobalOptions, 'config'> & { format?: string },
): Promise<number> {
  const loaded = await loadValidConfig(ctx, options);
  const { desired, file, warnings } = loaded;
  const lint = await lintLoaded(loaded);
  const root = lintRoot(ctx);
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
    // Every warning, where the terminal groups repeated ones.
    ctx.io.out(
      JSON.stringify(
        {
          valid: true,
          file,
          counts,
          warnings: warnings.map(jsonWarning),
          lint: JSON.parse(renderLintJson(lint, { root })),
        },
        null,
        2,
      ),
    );
  } else {
    if (lint.findings.length > 0)
      ctx.io.err(
        renderLintText({ findings: lint.findings, waived: [] }, { root, groupAfter: 3 }).replace(
          /\n[^\n]*$/,
          '',
        ),
      );
    ctx.io.out(
      `${paint.green(ctx.io.color, '✓')} ${relative(ctx.cwd, file) || file} is valid: ${n(counts.organizationalUnits, 'OU')}, ${n(counts.accounts, 'account')}, ${n(counts.policies, 'policy', 'policies')} (${n(counts.attachments, 'attachment')}), ${n(counts.permissionSets, 'permission set')}, ${n(counts.assignmentRules, 'assignment rule')} (${n(counts.assignments, 'assignment')}).`,
    );
    ctx.io.out(
      `Lint: ${lintSummary(lint)}${lint.findings.some((f) => f.severity === 'error') ? ' `orgops lint` exits 1 on errors.' : ''}`,
    );
  }
  return EXIT.ok;
}

function jsonWarning(d: Diagnostic) {
  return {
    code: d.code,
    path: d.path,
    ...(d.site ? { site: d.site } : {}),
    message: d.message,
    ...(d.value !== undefined ? { value: d.value } : {}),
    fix: d.fix,
  };
}

function n(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
