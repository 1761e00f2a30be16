import type { DesiredState } from '../desired-state.ts';
import type { Diagnostic } from '../diagnostic.ts';
import type { CollectedConfig } from '../normalize.ts';
import type { OrganizationConfig } from '../organization.ts';

/**
 * What every rule sees: the config exactly as authored (object identity intact, sites captured),
 * the objects reachable from it, and the normalized desired state. Rules only run once the schema
 * has accepted the config, so the shapes are the typed ones.
 */
export interface RuleContext {
  readonly config: OrganizationConfig;
  readonly collected: CollectedConfig;
  readonly desired: DesiredState;
}

/** A diagnostic before the rule stamps its code and severity on it. */
export type Finding = Omit<Diagnostic, 'severity' | 'code'>;

/** The registry entry for one named rule; `check` is pure and returns every finding of the rule. */
export interface Rule {
  /** Stable id, e.g. `policy-size`. */
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  /** One line for the README's rule table. */
  readonly description: string;
  /**
   * What many findings are, for a grouped warning line: `tag targets that match no account` (see
   * `groupRepeated`).
   */
  readonly plural?: string;
  readonly check: (ctx: RuleContext) => Diagnostic[];
}

/**
 * Declares a rule. The body returns findings; code and severity come from the declaration so a
 * rule cannot report under another rule's name.
 */
export function defineRule(meta: Omit<Rule, 'check'>, body: (ctx: RuleContext) => readonly Finding[]): Rule {
  return {
    ...meta,
    check: (ctx) => body(ctx).map((f) => ({ severity: meta.severity, code: meta.code, ...f })),
  };
}
