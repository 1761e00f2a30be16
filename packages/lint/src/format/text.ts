import { escapeControls } from '@orgops/engine';
import { countBySeverity, type LintFinding, type LintReport } from '../finding.ts';
import { siteWords } from './location.ts';

export interface TextOptions {
  /** Site paths are shown relative to it (the workspace root). */
  readonly root?: string;
  /** Wraps the severity word in colour. */
  readonly paint?: (severity: LintFinding['severity'] | 'waived', text: string) => string;
  /**
   * Warnings and notes of one rule past this many are shown as a group: the first two in full,
   * then how many more (for `validate` and `plan`, where 60 user assignments must not print 60
   * times; `orgops lint` lists every finding). Errors are never grouped: each is a thing to fix.
   */
  readonly groupAfter?: number;
}

const GROUP_EXAMPLES = 2;

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
  const perRule = new Map<string, number>();
  for (const f of report.findings)
    if (f.severity !== 'error') perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  const shown = new Map<string, number>();
  for (const f of report.findings) {
    const total = perRule.get(f.rule) ?? 0;
    if (f.severity !== 'error' && options.groupAfter !== undefined && total > options.groupAfter) {
      const seen = (shown.get(f.rule) ?? 0) + 1;
      shown.set(f.rule, seen);
      if (seen === GROUP_EXAMPLES + 1)
        lines.push(
          `… and ${total - GROUP_EXAMPLES} more [${f.rule}] like these (\`orgops lint\` lists every one)`,
        );
      if (seen > GROUP_EXAMPLES) continue;
    }
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
