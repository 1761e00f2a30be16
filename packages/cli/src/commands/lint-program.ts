import { type Command, Option } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { MAX_SEVERITIES } from '../run-lint.ts';
import { LINT_FORMATS, type LintOptions, lintCommand } from './lint.ts';

const LINT_HELP = `
Rules (packages/lint/README.md): actions, services and condition keys that do not exist (IAM
catalogue, offline; wildcards must match), wildcard admin in inline policies, admin sessions over
1 hour, assignments to users, admin in production, security and management accounts, policies at
90 % of their size limit, OUs and accounts missing the config's baseline, exemptions broader than
named roles, guardrails that lock out a protected role (simulated), waivers that match nothing.
Waive a finding in config: waivers: [waive('rule-id', target, { reason: '...' })].

Examples:
  pnpm orgops lint
  pnpm orgops lint --format github --sarif orgops-lint.sarif     (in GitHub Actions)
  pnpm orgops lint --max-severity note                            (fail on warnings too)

Exit codes: 0 no open finding above --max-severity, 1 otherwise or an invalid config.`;

/** Registers `orgops lint`. */
export function registerLintCommand(
  program: Command,
  ctx: CommandContext,
  withConfig: (cmd: Command) => Command,
  run: <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>,
): void {
  withConfig(program.command('lint'))
    .description(
      'Review rules on the config, offline: the IAM catalogue, the baseline, exemptions and lock-outs proved by simulation. Findings can be waived in config with a reason.',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...LINT_FORMATS]).default('text'),
    )
    .option('--sarif <file>', 'also write SARIF 2.1.0 for GitHub code scanning')
    .addOption(
      new Option('--max-severity <severity>', 'highest severity that does not fail (exit 1 above it)')
        .choices([...MAX_SEVERITIES])
        .default('warning'),
    )
    .addHelpText('after', LINT_HELP)
    .action(run((opts: LintOptions) => lintCommand(ctx, opts)));
}
