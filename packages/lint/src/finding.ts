import type { Site } from '@orgops/model';
import type { Subject } from './subjects.ts';

/**
 * How bad a finding is. `error`: the config does something other than what it says, or opens a
 * way around the guardrails (`orgops lint` exits 1); `warning`: risky, accept it with a waiver or
 * fix it; `note`: worth knowing. The names are SARIF's levels.
 */
export type Severity = 'error' | 'warning' | 'note';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One lint finding: what is wrong, where in the config, on which object, and how to fix it. */
export interface LintFinding {
  /** Stable rule id, e.g. `unknown-action`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
  /** Path inside the config, e.g. `root.policies[deny-root-user].content.Statement[0].Action[1]`. */
  readonly path: string;
  /** The config object the finding is about: what a waiver names. */
  readonly subject: Subject;
  /** Where the object was defined, when known. */
  readonly site?: Site;
  readonly value?: unknown;
}

/** A finding accepted by a waiver in config. */
export interface WaivedFinding extends LintFinding {
  readonly waiver: { readonly reason: string; readonly site?: Site };
}

/** Everything `orgops lint` found, waived findings apart. */
export interface LintReport {
  /** Findings no waiver accepts, most severe first. */
  readonly findings: readonly LintFinding[];
  readonly waived: readonly WaivedFinding[];
}

/** Most severe first, then by rule, then by path: a stable order for every view. */
export function compareFindings(a: LintFinding, b: LintFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.rule.localeCompare(b.rule) ||
    a.path.localeCompare(b.path) ||
    a.message.localeCompare(b.message)
  );
}

/** `{ error: 1, warning: 0, note: 2 }` */
export function countBySeverity(findings: readonly LintFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
