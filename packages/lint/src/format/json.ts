import { countBySeverity, type LintFinding, type LintReport } from '../finding.ts';
import { relativeFile } from './location.ts';

/** Version of the JSON below; bumped on any incompatible change. */
export const LINT_JSON_VERSION = 1;

function findingJson(f: LintFinding, root: string | undefined) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
    path: f.path,
    subject: f.subject.key,
    ...(f.site ? { file: relativeFile(f.site, root), line: f.site.line, column: f.site.column } : {}),
    ...(f.value !== undefined ? { value: f.value } : {}),
  };
}

/** `orgops lint --format json`: every finding with its location, and the waived ones with their reasons. */
export function renderLintJson(report: LintReport, options: { readonly root?: string } = {}): string {
  return JSON.stringify(
    {
      version: LINT_JSON_VERSION,
      summary: { ...countBySeverity(report.findings), waived: report.waived.length },
      findings: report.findings.map((f) => findingJson(f, options.root)),
      waived: report.waived.map((f) => ({
        ...findingJson(f, options.root),
        waiver: {
          reason: f.waiver.reason,
          ...(f.waiver.site
            ? { file: relativeFile(f.waiver.site, options.root), line: f.waiver.site.line }
            : {}),
        },
      })),
    },
    null,
    2,
  );
}
