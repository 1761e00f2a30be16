import { escapeControls } from '@orgops/engine';
import type { LintFinding, LintReport, Severity } from '../finding.ts';
import { LINT_RULES } from '../rules/index.ts';
import { relativeFile } from './location.ts';
import { lintSummary } from './text.ts';

/** GitHub shows at most this many annotations of each kind per step. */
export const ANNOTATIONS_PER_KIND = 10;

const KIND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};

/** Workflow-command data: `%`, CR and LF escaped, so a name cannot end the command or start another. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: LintFinding, root: string | undefined): string {
  const title = LINT_RULES.find((r) => r.id === f.rule)?.title ?? f.rule;
  const file = relativeFile(f.site, root);
  const props = [
    ...(file && f.site ? [`file=${escapeProperty(file)}`, `line=${f.site.line}`] : []),
    `title=${escapeProperty(`${title} [${f.rule}]`)}`,
  ];
  const body = `${escapeControls(f.message)}\nFix: ${escapeControls(f.fix)}\nAt: ${escapeControls(f.path)}`;
  return `::${KIND[f.severity]} ${props.join(',')}::${escapeData(body)}`;
}

/**
 * `orgops lint --format github`: one annotation per finding, most severe first. GitHub shows only
 * the first ten of each kind on a step, so past nine the tenth says how many more there are, and
 * those are printed as plain log lines. Waived findings are log lines with their reason.
 */
export function renderLintGithub(report: LintReport, options: { readonly root?: string } = {}): string {
  const lines: string[] = [];
  const overflow: string[] = [];
  for (const severity of ['error', 'warning', 'note'] as const) {
    const of = report.findings.filter((f) => f.severity === severity);
    const shown = of.length > ANNOTATIONS_PER_KIND ? of.slice(0, ANNOTATIONS_PER_KIND - 1) : of;
    lines.push(...shown.map((f) => annotation(f, options.root)));
    const rest = of.slice(shown.length);
    if (rest.length > 0) {
      lines.push(
        `::${KIND[severity]} title=${escapeProperty(`${rest.length} more lint ${severity}s`)}::${escapeData(`${rest.length} more ${severity} findings are not annotated (GitHub shows ten per kind): see this step's log, or the code scanning alerts from the SARIF upload.`)}`,
      );
      overflow.push(
        ...rest.map(
          (f) =>
            `${severity} [${f.rule}] ${escapeControls(f.path)}: ${escapeControls(f.message)} Fix: ${escapeControls(f.fix)}`,
        ),
      );
    }
  }
  // Every plain line starts with a fixed word, so no name can make it a workflow command.
  lines.push(...overflow);
  for (const f of report.waived)
    lines.push(
      `waived [${f.rule}] ${escapeControls(f.path)}: ${escapeControls(f.message)} Reason: ${escapeControls(f.waiver.reason)}`,
    );
  lines.push(lintSummary(report));
  return lines.join('\n');
}
