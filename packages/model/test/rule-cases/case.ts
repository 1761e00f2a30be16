import type { Site } from '../../src/index.ts';

/**
 * One compliant / non-compliant pair for a rule. The runner asserts that the compliant config
 * validates with no diagnostics at all (apart from `compliantAllows`), and that the non-compliant
 * one reports `code` at exactly `path`, with `fix` in the fix text, and nothing but `code` (apart
 * from `alsoReports`), so each case isolates one problem.
 */
export interface RuleCase {
  readonly code: string;
  /** What the non-compliant variant does wrong. */
  readonly name: string;
  readonly compliant: () => unknown;
  readonly nonCompliant: () => { readonly config: unknown; readonly site?: Site };
  readonly path: string;
  readonly fix: string;
  readonly message?: RegExp;
  readonly value?: unknown;
  readonly compliantAllows?: readonly string[];
  readonly alsoReports?: readonly string[];
}
