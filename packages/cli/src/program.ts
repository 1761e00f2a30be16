import { Command, Option } from 'commander';
import type { CommandContext, GlobalOptions } from './command-context.ts';
import { applyCommand } from './commands/apply.ts';
import { driftCommand } from './commands/drift.ts';
import { registerExplainCommands } from './commands/explain-register.ts';
import { registerGithubCommands } from './commands/github.ts';
import { importCommand } from './commands/import.ts';
import { registerLintCommand } from './commands/lint-program.ts';
import { planCommand } from './commands/plan.ts';
import { quarantineCommand, quarantineHelp } from './commands/quarantine.ts';
import { showCommand } from './commands/show.ts';
import { validateCommand } from './commands/validate.ts';
import { FORMATS } from './render.ts';
import { TOOL_VERSION } from './version.ts';

const INTRO = [
  'Govern an AWS organization as typed code: OUs, accounts, SCPs and other organization policies, IAM Identity Center permission sets and assignments.',
  '',
  "Without --backend aws, every command runs against the sandbox: an in-memory organization with AWS's rules, saved in .orgops/sandbox.json. No AWS account is needed to try orgops.",
].join('\n');

const EPILOG = `
Typical flow, from the repository (pnpm runs the workspace's orgops binary, so stdout carries only
orgops's output and the exit code is orgops's own; \`pnpm exec orgops\` is the same):
  pnpm orgops validate                 check the config (no AWS calls)
  pnpm orgops lint                     review rules on the config (IAM catalogue, lock-out simulation)
  pnpm orgops plan --out plan.json     show what would change, save the plan
  pnpm orgops apply plan.json          apply exactly the saved plan
  pnpm orgops drift                    report changes made outside orgops
  pnpm orgops explain payments-prod    the guardrails and access of one account, in words
  pnpm orgops can group:developers s3:DeleteBucket --account payments-prod
                                       may they? simulated, naming the deciding statement
  pnpm orgops quarantine ACCOUNT -r TEXT   contain a compromised account now (incident response)

Exit codes: 0 no changes, 2 changes or drift (can: 0 yes, 2 no), 1 error, 3 the rehearsal (plan
--rehearse) found changes AWS would refuse or a plan that does not converge, 130 interrupted (Ctrl-C).
Environment: NO_COLOR disables colour; AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL are honoured
with --backend aws; ORGOPS_BACKEND sets the default backend.`;

const PLAN_HELP = `
Examples:
  pnpm orgops plan
  pnpm orgops plan --format json | jq .summary
  pnpm orgops plan --format markdown --out plan.json > plan.md
  pnpm orgops plan --backend aws --profile org-management --stats
  pnpm orgops plan --backend aws --rehearse --out plan.json

Exit codes: 0 no changes, 2 changes, 1 error, 3 --rehearse found a blocking problem: a change AWS
would refuse (each is listed with AWS's error code and the fix, at the top of the plan) or a plan
that does not converge (planning again after applying it to the twin still finds changes).

--rehearse seeds the twin from the plan's own read: it makes no AWS call, read or write. The twin
cannot know what the read does not contain (identity-store principals the config does not name,
CreateAccount requests in progress, when suspended accounts were closed), failures AWS reports
later (an account that fails to provision, a permission set whose customer-managed policy is
missing in an account), or quotas raised by a support case that Service Quotas does not show:
give the account quota with --account-quota.`;

/** Builds the CLI. Each action resolves to an exit code through `setExit`. */
export function buildProgram(ctx: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('orgops')
    .description(INTRO)
    .version(TOOL_VERSION)
    .addHelpText('after', EPILOG)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.io.out(s.trimEnd()), writeErr: (s) => ctx.io.err(s.trimEnd()) })
    .exitOverride();

  const withConfig = (cmd: Command): Command =>
    cmd.option(
      '-c, --config <path>',
      'organization config: a file, or a package directory with src/index.ts (default: accounts/)',
    );
  const withGlobals = (cmd: Command): Command =>
    withConfig(cmd)
      .addOption(
        new Option('-b, --backend <backend>', 'where the organization lives')
          .choices(['sandbox', 'aws'])
          .default(ctx.env.ORGOPS_BACKEND ?? 'sandbox'),
      )
      .option('--sandbox-file <path>', 'sandbox state file (default: .orgops/sandbox.json in the workspace)')
      .option('--profile <name>', 'AWS profile (aws backend; default: the standard credential chain)')
      .option('--region <region>', 'AWS region for Identity Center (aws backend; default: AWS_REGION)')
      .option(
        '--sso-region <region>',
        'region of the IAM Identity Center instance, when it differs from --region',
      );
  const format = (): Option =>
    new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text');
  const run =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      setExit(await fn(...args));
    };

  withConfig(program.command('validate'))
    .description('Check the config: schema, limits (as of the limits table) and rules. Makes no AWS calls.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(run((opts: GlobalOptions & { format: string }) => validateCommand(ctx, opts)));

  withGlobals(program.command('plan'))
    .description('Compare the config with the live organization and show the changes, access changes first.')
    .addOption(format())
    .option('-o, --out <file>', 'save the plan, to apply exactly it later with `orgops apply FILE`')
    .option('--stats', 'print API calls per operation and the time taken (stderr)')
    .option(
      '--rehearse',
      'apply the plan to an in-memory twin of the organization (AWS rules, no AWS calls), then plan again; report each change AWS would refuse (exit 3)',
    )
    .option(
      '--account-quota <n>',
      "the organization's account quota, when AWS raised it by a support case that Service Quotas does not show; the plan's quota check and the rehearsal use it instead of the quota read (default: ORGOPS_ACCOUNT_QUOTA, which every command that plans reads)",
    )
    .addHelpText('after', PLAN_HELP)
    .action(run((opts) => planCommand(ctx, opts)));

  withGlobals(program.command('apply'))
    .description(
      'Apply a saved plan (refused if it was edited or anything it touches changed since), or plan now and apply after confirmation.',
    )
    .argument('[planfile]', 'a plan saved with `orgops plan --out`')
    .option('--auto-approve', 'do not ask for confirmation (CI)')
    .option(
      '--allow-account-closure',
      'confirm that the plan may close accounts (irreversible after 90 days)',
    )
    .option('--stats', 'print API calls per operation and the time taken (stderr)')
    .option('--lock-timeout <seconds>', 'sandbox: how long to wait for another apply to finish', '10')
    .action(run((planFile: string | undefined, opts) => applyCommand(ctx, planFile, opts)));

  withGlobals(program.command('drift'))
    .description(
      'Report every difference between the config and the live organization, classified, including those a plan would refuse (an account not in config, …), each with its fix. Exit 2 on drift.',
    )
    .addOption(format())
    .option(
      '--since <time>',
      'read again only what CloudTrail shows was written since TIME (ISO 8601; at most the baseline time), continuing from the baseline',
    )
    .option(
      '--baseline <file>',
      'the last full read to continue from, saved again after every full read (default: .orgops/drift-baseline.json)',
    )
    .addHelpText(
      'after',
      `
With --since or --baseline, drift continues from the last full read and re-reads only the objects
CloudTrail's event history (Organizations, Identity Center) shows were written since, plus what AWS
changes without such an event (account names, emails and states, trusted access, delegated
administrators, users and groups). It reads everything instead, and says why on stderr, when there
is no usable baseline, the window is beyond CloudTrail's 90 days, an event cannot be scoped, or
CloudTrail cannot be read; that full read becomes the next baseline. Needs cloudtrail:LookupEvents.

Examples:
  orgops drift --baseline .orgops/drift-baseline.json      full read the first time, then incremental
  orgops drift --since 2026-06-01T06:00:00Z --backend aws`,
    )
    .action(run((opts) => driftCommand(ctx, opts)));

  program
    .command('show')
    .description(
      'Render a saved plan (for example as the markdown of a pull-request review). An edited plan is refused; the review is recomputed from its changes.',
    )
    .argument('<planfile>', 'a plan saved with `orgops plan --out`')
    .addOption(format())
    .action(run((planFile: string, opts: { format: string }) => showCommand(ctx, planFile, opts)));

  withGlobals(program.command('import'))
    .description(
      'Generate typed config from the live organization, so an existing organization can adopt orgops.',
    )
    .requiredOption('-o, --out <dir>', 'directory to write the config to')
    .option('--force', 'write into a non-empty directory')
    .action(run((opts) => importCommand(ctx, opts)));

  registerLintCommand(program, ctx, withConfig, run);
  registerExplainCommands(program, ctx, withGlobals, run);

  withGlobals(program.command('quarantine'))
    .description(
      'Contain a compromised account now: move it into the quarantine OU (its guardrails attached if missing), tag it with who, when and why, record it in its config entry, and print the playbook’s next steps. No plan moves it out again without `release`.',
    )
    .argument('<account>', 'the account: its id, root email or name')
    .requiredOption('-r, --reason <text>', 'why, e.g. a ticket: recorded on the account and in config')
    .option('--dry-run', 'say what it would do, change nothing (exit 2 when it would change something)')
    .option('--playbook <id>', 'print the next steps of this playbook (quarantine.playbooks in config)')
    .option(
      '--open-pr',
      'open a pull request with the config change (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)',
    )
    .option('--base <branch>', 'base branch of the pull request (default: the repository default branch)')
    .option('--stats', 'print API calls per operation and the time taken (stderr)')
    .option('--lock-timeout <seconds>', 'sandbox: how long to wait for an apply to finish', '10')
    .addHelpText('after', quarantineHelp)
    .action(run((account: string, opts) => quarantineCommand(ctx, account, opts)));

  registerGithubCommands(program, ctx, withGlobals, run);

  return program;
}
