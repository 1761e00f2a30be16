import { type CollectedConfig, collect, type DesiredState, type OrganizationConfig } from '@orgops/model';
import { createSimulator, type Simulator, type SimulatorOptions } from '@orgops/simulate';
import { compareFindings, type LintFinding, type LintReport } from './finding.ts';
import type { LintContext, LintRule } from './rule.ts';
import { LINT_RULES } from './rules/index.ts';
import { applyWaivers } from './waivers.ts';

/** Reported when a rule itself fails: a bug in orgops, never the config's fault. */
export const LINT_INTERNAL_ERROR = 'lint-internal-error';

export interface LintInput {
  /** The validated config (`validateConfig(...).value.config`). */
  readonly config: OrganizationConfig;
  readonly desired: DesiredState;
  readonly collected?: CollectedConfig;
}

export interface LintOptions {
  /** Defaults to every rule ({@link LINT_RULES}). */
  readonly rules?: readonly LintRule[];
  /** Live account ids and organization id, when known, for the simulations. */
  readonly simulator?: SimulatorOptions;
}

/**
 * Runs every lint rule on a validated config and applies its waivers. Reads nothing but the
 * offline IAM catalogue; never throws for a config: a rule that fails is reported as
 * `lint-internal-error` and the other rules still run.
 *
 * @example
 * const { findings, waived } = await lintConfig({ config, desired });
 */
export async function lintConfig(input: LintInput, options: LintOptions = {}): Promise<LintReport> {
  let sim: Simulator | undefined;
  const ctx: LintContext = {
    config: input.config,
    desired: input.desired,
    collected: input.collected ?? collect(input.config),
    simulator: () => {
      sim ??= createSimulator(input.desired, options.simulator);
      return sim;
    },
  };
  const findings: LintFinding[] = [];
  for (const rule of options.rules ?? LINT_RULES) {
    try {
      findings.push(...(await rule.check(ctx, findings)));
    } catch (err) {
      findings.push({
        rule: LINT_INTERNAL_ERROR,
        severity: 'error',
        message: `lint rule ${rule.id} failed: ${(err as Error).message}`,
        fix: 'This is a bug in orgops, not in your config: please report it with the message.',
        path: '',
        subject: { kind: 'root', key: 'root', label: 'the organization' },
      });
    }
  }
  const report = applyWaivers(findings, input.config.waivers ?? []);
  return {
    findings: [...report.findings].sort(compareFindings),
    waived: [...report.waived].sort(compareFindings),
  };
}
