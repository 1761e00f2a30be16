import { escapeControls } from '@orgops/engine';
import { countBySeverity, type LintFinding, type LintReport } from '../finding.ts';
import { siteWords } from './location.ts';

export interface TextOptions {
  /** Site paths are shown relative to it (the workspace root). */
  readonly root?: string;
  /** Wraps the severity word in colour. */
  readonly paint?: (severity: LintFinding['severity'] | 'waived', text: string) => string;
}

/**
 * `orgops lint`'s terminal view: each finding as `severity [rule] file:line  path`, its message
 * and fix; waived findings with their reason; a summary line. Names from the config print as
 * escapes, never as terminal control.
 */
export function renderLintText(report: LintReport, options: TextOptions = {}): string {
  const paint = options.paint ?? ((_s, t) => t);
  const head = (label: string, f: LintFinding) =>
    `${label} [${f.rule}] ${escapeControls([siteWords(f.site, options.root), f.path].filter(Boolean).join('  '))}`;
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(
      head(paint(f.severity, f.severity), f),
      `  ${escapeControls(f.message)}`,
      `  fix: ${escapeControls(f.fix)}`,
    );
  }
  for (const f of report.waived) {
    lines.push(
      head(paint('waived', 'waived'), f),
      `  ${escapeControls(f.message)}`,
      `  reason: ${escapeControls(f.waiver.reason)}${f.waiver.site ? ` (${escapeControls(siteWords(f.waiver.site, options.root))})` : ''}`,
    );
  }
  lines.push(lintSummary(report));
  return lines.join('\n');
}

/** `2 errors, 1 warning; 1 waived.` (severities with none are left out) or `No lint findings.` */
export function lintSummary(report: LintReport): string {
  const c = countBySeverity(report.findings);
  const waived = report.waived.length > 0 ? `; ${report.waived.length} waived` : '';
  if (report.findings.length === 0)
    return `No lint findings${waived ? ` (${report.waived.length} waived)` : ''}.`;
  const counts = (['error', 'warning', 'note'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}${c[s] === 1 ? '' : 's'}`);
  return `${counts.join(', ')}${waived}.`;
}
