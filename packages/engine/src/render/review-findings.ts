import { mdCode, mdText } from './inert-markdown.ts';

/**
 * A lint finding as the review shows it. The engine takes these as data: it never imports the IAM
 * catalogue or the simulator that `@orgops/lint` uses to find them.
 */
export interface ReviewFinding {
  /** Stable rule id, e.g. `unknown-action`. */
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
  /** Where to fix it, e.g. `policies/src/service-control-policies.ts:42`. */
  readonly location?: string;
  /** Set when a waiver in config accepts the finding. */
  readonly waived?: { readonly reason: string };
}

const BADGES: Readonly<Record<ReviewFinding['severity'], string>> = {
  error: '🔴 **Error**',
  warning: '🟠 **Warning**',
  note: '🔵 **Note**',
};

/**
 * The review's "Lint findings" section: open findings most severe first, then waived ones with
 * their reasons. Undefined findings (lint did not run) give no section at all.
 */
export function lintSection(findings: readonly ReviewFinding[] | undefined): string[] {
  if (findings === undefined) return [];
  if (findings.length === 0) return ['### Lint findings', '', 'No lint findings.', ''];
  const order = ['error', 'warning', 'note'] as const;
  const open = findings
    .filter((f) => !f.waived)
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const waived = findings.filter((f) => f.waived);
  const where = (f: ReviewFinding) => (f.location ? ` (${mdCode(f.location)})` : '');
  const counts = order
    .map((s) => [s, open.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
  return [
    '### Lint findings',
    '',
    `${counts.length > 0 ? counts.join(', ') : 'No open findings'}${waived.length > 0 ? `; ${waived.length} waived` : ''}. \`orgops lint\` lists them with their fixes.`,
    '',
    ...open.map((f) => `- ${BADGES[f.severity]} ${mdText(f.message)}${where(f)} \`${f.rule}\``),
    ...waived.map(
      (f) =>
        `- ☑️ waived: ${mdText(f.message)}${where(f)} \`${f.rule}\`, reason: ${mdText(f.waived?.reason ?? '')}`,
    ),
    '',
  ];
}
