import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintSummary, renderLintGithub, renderLintJson, renderLintSarif, renderLintText } from '@orgops/lint';
import { OrgopsError } from '@orgops/model';
import { paint } from '../color.ts';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { loadValidConfig } from '../make-plan.ts';
import { lintFails, lintLoaded, lintRoot, parseMaxSeverity, relativeEntry } from '../run-lint.ts';
import { TOOL_VERSION } from '../version.ts';

export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'] as const;

export interface LintOptions extends Pick<GlobalOptions, 'config'> {
  readonly format: string;
  readonly sarif?: string;
  readonly maxSeverity: string;
}

/**
 * `orgops lint`: the lint rules on the config, offline. Exit 1 when an open finding is more severe
 * than --max-severity (default warning: errors fail), else 0.
 */
export async function lintCommand(ctx: CommandContext, options: LintOptions): Promise<number> {
  const format = options.format;
  if (!(LINT_FORMATS as readonly string[]).includes(format))
    throw new OrgopsError(
      'bad-format',
      `Unknown --format '${format}'. Use one of: ${LINT_FORMATS.join(', ')}.`,
    );
  const max = parseMaxSeverity(options.maxSeverity);
  const loaded = await loadValidConfig(ctx, options);
  const report = await lintLoaded(loaded);
  const root = lintRoot(ctx);
  const sarif = () =>
    renderLintSarif(report, { root, version: TOOL_VERSION, fallbackFile: relativeEntry(ctx, loaded.file) });
  if (format === 'json') ctx.io.out(renderLintJson(report, { root }));
  else if (format === 'github') ctx.io.out(renderLintGithub(report, { root }));
  else if (format === 'sarif') ctx.io.out(sarif());
  else
    ctx.io.out(
      renderLintText(report, {
        root,
        paint: (s, text) =>
          s === 'error'
            ? paint.red(ctx.io.color, text)
            : s === 'warning'
              ? paint.yellow(ctx.io.color, text)
              : paint.dim(ctx.io.color, text),
      }),
    );
  if (options.sarif) {
    const file = resolve(ctx.cwd, options.sarif);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sarif());
    ctx.io.progress(`Wrote SARIF for code scanning to ${options.sarif} (${lintSummary(report)})`);
  }
  return lintFails(report, max) ? EXIT.error : EXIT.ok;
}
