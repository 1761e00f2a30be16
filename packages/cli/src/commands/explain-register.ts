import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import type { CanOptions } from './can.ts';

const EXPLAIN_HELP = `
What it shows:
  an account       its guardrails from the root through each OU to the account (SCPs, RCPs, and the
                   tag, backup and AI opt-out policies), every statement in words (what is denied,
                   who is exempt, which Regions are allowed), and every principal -> permission set
                   that can sign in there
  a permission set what it grants (policies, inline statements in words, paths to admin) and which
                   principals hold it in which accounts
  a group or user  which permission sets it holds, where

SUBJECT is an account name, email or id, a permission set name, or a group or user name; prefix with
account:, permission-set: (ps:), group: or user: when a name means more than one thing.

By default it explains the config (the intended state; no AWS calls). With --backend sandbox|aws it
reads the live organization, as \`orgops plan\` does, and explains what is there.

Examples:
  orgops explain payments-prod
  orgops explain payments-prod --format markdown > payments-prod.md   # with the chain drawn (Mermaid)
  orgops explain permission-set:PlatformAdmin
  orgops explain group:developers --backend aws --profile org-management`;

const CAN_HELP = `
PRINCIPAL is group:NAME, user:NAME (every permission set it holds in the account is tried),
permission-set:NAME (ps:NAME), or root (the account's root user).

The answer comes from the permission set's real policies (AWS managed documents, inline; customer
managed ones live in accounts and are reported as not simulated), the account's SCP chain and the
resource account's RCP chain, evaluated offline with @cloud-copilot/iam-simulate. It names the
statement that decides. Without --resource an example ARN of the action's resource type in the
account is used; name the resource when a guardrail depends on it.

Exit codes: 0 allowed, 2 not allowed, 1 error. By default it asks the config; --backend sandbox|aws
asks the live organization.

Examples:
  orgops can group:developers s3:DeleteBucket --account payments-prod
  orgops can ps:PlatformAdmin cloudtrail:StopLogging --account log-archive --region eu-west-1
  orgops can group:platform-admins s3:DeleteObject --account log-archive \\
      --resource arn:aws:s3:::org-trail-logs/AWSLogs/o-x/1.json.gz --format json`;

/** Whether the user chose a backend on the command line: then the live organization is asked. */
function live(cmd: Command): boolean {
  return cmd.getOptionValueSource('backend') === 'cli';
}

/** Registers `orgops explain` and `orgops can`. */
export function registerExplainCommands(
  program: Command,
  ctx: CommandContext,
  withGlobals: (cmd: Command) => Command,
  run: <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>,
): void {
  withGlobals(program.command('explain'))
    .description(
      'Explain an account (every guardrail in force, in words, and who can sign in with what), a permission set or a group. Makes no AWS calls unless --backend is given.',
    )
    .argument('<subject>', 'an account (name, email or id), permission set, group or user')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .addHelpText('after', EXPLAIN_HELP)
    .action(
      run(async (subject: string, opts: GlobalOptions & { format: string }, cmd: Command) => {
        // The simulator and its catalogues load only for the commands that use them.
        const { explainCommand } = await import('./explain.ts');
        return explainCommand(ctx, subject, { ...opts, live: live(cmd) });
      }),
    );

  withGlobals(program.command('can'))
    .description(
      'Can PRINCIPAL do ACTION in an account? Simulated with its permission sets, SCPs and RCPs, naming the statement that decides. Exit 0 yes, 2 no.',
    )
    .argument('<principal>', 'group:NAME, user:NAME, permission-set:NAME or root')
    .argument('<action>', 'one service:Action, e.g. s3:DeleteBucket')
    .requiredOption('-a, --account <account>', 'the account the principal signs in to (name, email or id)')
    .option('--resource <arn>', 'one resource ARN (default: an example of the action’s resource type)')
    .option(
      '--resource-account <account>',
      'the account owning the resource, when it is another one (decides the RCPs)',
    )
    .option('--request-region <region>', 'aws:RequestedRegion of the request (default us-east-1)')
    .option(
      '--context <key=value...>',
      'request context a condition reads, e.g. aws:PrincipalTag/team=payments',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', CAN_HELP)
    .action(
      run(async (principal: string, action: string, opts: Omit<CanOptions, 'live'>, cmd: Command) => {
        const { canCommand } = await import('./can.ts');
        return canCommand(ctx, principal, action, { ...opts, live: live(cmd) });
      }),
    );
}
