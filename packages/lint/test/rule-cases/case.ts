import type { OrganizationConfig } from '@orgops/model';
import type { RulePair } from '@orgops/model/testing';

/**
 * A lint rule's compliant / non-compliant pair (the shape validation's cases share, from the test
 * kit). The compliant config lints with no finding at all; the non-compliant one reports `rule` at
 * exactly `path` with `fix` in its fix text and nothing else (apart from `alsoReports`).
 */
export interface LintCase extends RulePair<OrganizationConfig> {
  readonly rule: string;
  /** The waiver key of the finding's subject. */
  readonly subject?: string;
}
