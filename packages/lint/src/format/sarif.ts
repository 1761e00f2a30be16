import type { LintFinding, LintReport, Severity } from '../finding.ts';
import { LINT_RULES } from '../rules/index.ts';
import { relativeFile } from './location.ts';

export interface SarifOptions {
  /** Files are given relative to it (the repository root), as code scanning expects. */
  readonly root?: string;
  /** The tool version, e.g. orgops's. */
  readonly version?: string;
  /**
   * Where a finding without a site is located (code scanning needs a location for every result):
   * the config's entry file.
   */
  readonly fallbackFile?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  note: 'note',
};

/**
 * `orgops lint --sarif FILE`: a SARIF 2.1.0 log for GitHub code scanning. Every rule is described
 * once; each finding is a result at its config file and line, with the config path as its logical
 * location and a fingerprint that survives the line moving. Waived findings are results with an
 * in-source suppression carrying the reason, so code scanning shows them as dismissed.
 */
export function renderLintSarif(report: LintReport, options: SarifOptions = {}): string {
  const rules = LINT_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    defaultConfiguration: { level: LEVEL[r.severity] },
    help: { text: `${r.description} (orgops lint rule ${r.id}; packages/lint/README.md lists every rule.)` },
  }));
  const result = (f: LintFinding, suppression?: { reason: string }) => {
    const ruleIndex = rules.findIndex((r) => r.id === f.rule);
    const file = relativeFile(f.site, options.root) ?? options.fallbackFile;
    return {
      ruleId: f.rule,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: LEVEL[f.severity],
      message: { text: `${f.message}\nFix: ${f.fix}` },
      locations: [
        {
          ...(file
            ? {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.site?.line ?? 1, ...(f.site ? { startColumn: f.site.column } : {}) },
                },
              }
            : {}),
          logicalLocations: [{ fullyQualifiedName: f.path || f.subject.key, kind: 'member' }],
        },
      ],
      partialFingerprints: { 'orgopsLint/v1': `${f.rule}|${f.subject.key}|${f.path}` },
      properties: { subject: f.subject.key },
      ...(suppression ? { suppressions: [{ kind: 'inSource', justification: suppression.reason }] } : {}),
    };
  };
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'orgops lint',
              ...(options.version ? { version: options.version } : {}),
              rules,
            },
          },
          results: [
            ...report.findings.map((f) => result(f)),
            ...report.waived.map((f) => result(f, { reason: f.waiver.reason })),
          ],
        },
      ],
    },
    null,
    2,
  );
}
