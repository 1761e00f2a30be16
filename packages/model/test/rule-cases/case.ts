import type { RulePair } from '../../src/testing/index.ts';

/**
 * A validation rule's compliant / non-compliant pair (the shape lint's cases share, from the test
 * kit). The runner asserts that the compliant config validates with no diagnostics at all (apart
 * from `compliantAllows`), and that the non-compliant one reports `code` at exactly `path`, with
 * `fix` in the fix text, and nothing but `code` (apart from `alsoReports`).
 */
export interface RuleCase extends RulePair<unknown> {
  readonly code: string;
  readonly compliantAllows?: readonly string[];
}
