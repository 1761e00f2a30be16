import type { OrganizationConfig, Site } from '@orgops/model';

/**
 * One compliant / non-compliant pair for a lint rule. The compliant config lints with no finding
 * at all; the non-compliant one reports `rule` at exactly `path` with `fix` in its fix text and
 * nothing else (apart from `alsoReports`), so each case isolates one problem.
 */
export interface LintCase {
  readonly rule: string;
  /** What the non-compliant variant does wrong. */
  readonly name: string;
  readonly compliant: () => OrganizationConfig;
  readonly nonCompliant: () => { readonly config: OrganizationConfig; readonly site?: Site };
  readonly path: string;
  readonly fix: string;
  readonly message?: RegExp;
  readonly value?: unknown;
  /** The waiver key of the finding's subject. */
  readonly subject?: string;
  readonly alsoReports?: readonly string[];
}
