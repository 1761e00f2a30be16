import { relative } from 'node:path';
import type { ReviewFinding } from '@orgops/engine';
import { type LintReport, lintConfig, type Severity, toReviewFindings } from '@orgops/lint';
import { OrgopsError } from '@orgops/model';
import type { CommandContext } from './command-context.ts';
import { findWorkspaceRoot, type LoadedConfig } from './load-config.ts';

/** Lints a loaded config: the IAM catalogue and simulation, offline. */
export function lintLoaded(loaded: LoadedConfig): Promise<LintReport> {
  return lintConfig({ config: loaded.config, desired: loaded.desired });
}

/** Where finding locations are shown relative to: the repository (workspace) root. */
export function lintRoot(ctx: CommandContext): string {
  return findWorkspaceRoot(ctx.cwd) ?? ctx.cwd;
}

/** The lint findings as the review's data, with locations relative to the repository. */
export async function reviewFindingsOf(ctx: CommandContext, loaded: LoadedConfig): Promise<ReviewFinding[]> {
  return toReviewFindings(await lintLoaded(loaded), { root: lintRoot(ctx) });
}

export const MAX_SEVERITIES = ['error', 'warning', 'note'] as const;

export function parseMaxSeverity(value: string): Severity {
  if ((MAX_SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new OrgopsError(
    'bad-max-severity',
    `Unknown --max-severity '${value}'. Use one of: ${MAX_SEVERITIES.join(', ')}.`,
  );
}

/** True when an open finding is more severe than `max`. */
export function lintFails(report: LintReport, max: Severity): boolean {
  const rank = (s: Severity) => MAX_SEVERITIES.indexOf(s);
  return report.findings.some((f) => rank(f.severity) < rank(max));
}

export function relativeEntry(ctx: CommandContext, file: string): string {
  return relative(lintRoot(ctx), file).replace(/\\/g, '/');
}
