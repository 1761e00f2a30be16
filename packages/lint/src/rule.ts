import type { RuleContext } from '@orgops/model';
import type { Simulator } from '@orgops/simulate';
import type { LintFinding, Severity } from './finding.ts';

/**
 * What every lint rule sees: the validated config (objects, sites), the objects reachable from it,
 * the normalized desired state, and a simulator over it, built once on first use.
 */
export interface LintContext extends RuleContext {
  simulator(): Simulator;
}

/** A finding before its rule stamps its id and severity on it. */
export type Draft = Omit<LintFinding, 'rule' | 'severity'>;

/** The registry entry of one lint rule. */
export interface LintRule {
  /** Stable id, e.g. `unknown-action`: waivers, SARIF and annotations key on it. */
  readonly id: string;
  readonly severity: Severity;
  /** A few words for SARIF and annotation titles. */
  readonly title: string;
  /** One line for the README's rule table. */
  readonly description: string;
  /**
   * Every finding of the rule. `earlier` holds the findings of the rules registered before this
   * one (only `waiver-unused` looks at them).
   */
  readonly check: (ctx: LintContext, earlier: readonly LintFinding[]) => Promise<LintFinding[]>;
}

/**
 * Declares a lint rule. The body is pure: it reads the context (the IAM catalogue and the
 * simulator are offline data) and returns drafts; id and severity come from the declaration, so a
 * rule cannot report under another rule's name.
 */
export function defineLintRule(
  meta: Omit<LintRule, 'check'>,
  body: (ctx: LintContext, earlier: readonly LintFinding[]) => readonly Draft[] | Promise<readonly Draft[]>,
): LintRule {
  return {
    ...meta,
    check: async (ctx, earlier) =>
      (await body(ctx, earlier)).map((d) => ({ rule: meta.id, severity: meta.severity, ...d })),
  };
}
