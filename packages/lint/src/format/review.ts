import type { ReviewFinding } from '@orgops/engine';
import type { LintReport } from '../finding.ts';
import { siteWords } from './location.ts';

/** The report as the review's data: open findings, then waived ones with their reasons. */
export function toReviewFindings(
  report: LintReport,
  options: { readonly root?: string } = {},
): ReviewFinding[] {
  const location = (site: Parameters<typeof siteWords>[0]) => {
    const words = siteWords(site, options.root);
    return words ? { location: words } : {};
  };
  return [
    ...report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      ...location(f.site),
    })),
    ...report.waived.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      ...location(f.site),
      waived: { reason: f.waiver.reason },
    })),
  ];
}
