import type { Diagnostic } from './diagnostic.ts';
import { RULES } from './validation/rules/index.ts';

/** One line of a diagnostics listing: a diagnostic of its own, or a group of repeated ones. */
export type DiagnosticEntry =
  | { readonly kind: 'one'; readonly diagnostic: Diagnostic }
  | {
      readonly kind: 'group';
      readonly code: string;
      readonly severity: Diagnostic['severity'];
      /** e.g. `60 tag targets that match no account`. */
      readonly summary: string;
      readonly count: number;
      /** The first few, shown in full. */
      readonly examples: readonly Diagnostic[];
    };

/** What several findings of the planner's warnings are, for a grouped line. */
const PLANNER_PLURALS: Readonly<Record<string, string>> = {
  'account-not-active': 'accounts that are not active',
  'account-name-differs': 'accounts named differently in AWS',
};

export interface GroupOptions {
  /** Warnings of one code are grouped once there are more than this many (default 3). */
  readonly after?: number;
  /** Examples kept in a group (default 2). */
  readonly examples?: number;
}

/**
 * Groups repeated warnings ("60 tag targets that match no account, e.g. …") so a large config's
 * listing stays readable; each group sits where its first warning was. Errors are never grouped: each one is
 * a thing to fix, with its own location.
 */
export function groupRepeated(
  diagnostics: readonly Diagnostic[],
  options: GroupOptions = {},
): DiagnosticEntry[] {
  const after = options.after ?? 3;
  const examples = options.examples ?? 2;
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    const list = byCode.get(d.code);
    if (list) list.push(d);
    else byCode.set(d.code, [d]);
  }
  const entries: DiagnosticEntry[] = [];
  const placed = new Set<string>();
  for (const d of diagnostics) {
    const same = d.severity === 'warning' ? byCode.get(d.code) : undefined;
    if (!same || same.length <= after) {
      entries.push({ kind: 'one', diagnostic: d });
      continue;
    }
    if (placed.has(d.code)) continue;
    placed.add(d.code);
    entries.push({
      kind: 'group',
      code: d.code,
      severity: d.severity,
      summary: `${same.length.toLocaleString('en-US')} ${pluralOf(d.code)}`,
      count: same.length,
      examples: same.slice(0, examples),
    });
  }
  return entries;
}

function pluralOf(code: string): string {
  return RULES.find((r) => r.code === code)?.plural ?? PLANNER_PLURALS[code] ?? `${code} warnings`;
}
