import type { OrganizationConfig, OrganizationOptions } from '../organization.ts';
import type { Site } from '../site.ts';
import type { OrganizationFixture } from './organization.ts';

/**
 * One compliant / non-compliant pair for a rule, validation's or lint's. The runner asserts that
 * the compliant config is silent and that the non-compliant one reports the rule at exactly `path`,
 * with `fix` in the fix text, and nothing else (apart from `alsoReports`), so each case isolates
 * one problem.
 */
export interface RulePair<C> {
  /** What the non-compliant variant does wrong. */
  readonly name: string;
  readonly compliant: () => C;
  readonly nonCompliant: () => { readonly config: C; readonly site?: Site | undefined };
  readonly path: string;
  readonly fix: string;
  readonly message?: RegExp;
  readonly value?: unknown;
  /** Other rules the non-compliant variant reports as well. */
  readonly alsoReports?: readonly string[];
}

/** A variant of a fixture: the options it replaces, and where the faulty object was defined. */
export interface Variant {
  readonly overrides: Partial<OrganizationOptions>;
  readonly site?: Site | undefined;
}

/**
 * The compliant and non-compliant configs of a case, each a variant of a fresh `fixture()`: the
 * compliant one replaces what `compliant` returns (nothing by default: the fixture itself).
 */
export function variantPair<F extends OrganizationFixture>(
  fixture: () => F,
  spec: {
    readonly compliant?: (f: F) => Partial<OrganizationOptions>;
    readonly nonCompliant: (f: F) => Variant;
  },
): Pick<RulePair<OrganizationConfig>, 'compliant' | 'nonCompliant'> {
  return {
    compliant: () => {
      const f = fixture();
      return f.with(spec.compliant ? spec.compliant(f) : {});
    },
    nonCompliant: () => {
      const f = fixture();
      const { overrides, site } = spec.nonCompliant(f);
      return site === undefined ? { config: f.with(overrides) } : { config: f.with(overrides), site };
    },
  };
}

/**
 * C0, DEL, C1 and bidirectional overrides: diagnostics and findings are printed to terminals and
 * pull requests, so names inside them must be inert.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
