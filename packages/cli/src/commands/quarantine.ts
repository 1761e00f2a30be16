import { relative } from 'node:path';
import { describeQuarantineStep, escapeControls, planQuarantine, type QuarantinePlan } from '@orgops/engine';
import { readRepositoryEnv } from '@orgops/github';
import { applyQuarantine, type Backend, readQuarantineFacts } from '@orgops/live';
import { OrgopsError, type QuarantineRunbook } from '@orgops/model';
import { paint } from '../color.ts';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { loadValidConfig } from '../make-plan.ts';
import { closeBackend, openBackend } from '../open-backend.ts';
import {
  type ConfigEdit,
  planConfigEdit,
  repositoryPathOf,
  writeConfigEdit,
} from '../quarantine/config-entry.ts';
import { choosePlaybook, nextSteps, quarantinePlaybooks } from '../quarantine/next-steps.ts';
import { proposeQuarantine, quarantineChange } from '../quarantine/propose.ts';
import { formatStats } from '../stats.ts';
import { writeAccess } from './apply.ts';

export const quarantineHelp = `
Run it with the management account's credentials (the apply role, or break-glass there): only the
management account can move accounts. It refuses the management account itself, and a second run
changes nothing and says so.

Examples:
  orgops quarantine payments-prod --reason "INC-42 root login from an unknown IP" --dry-run
  orgops quarantine 111122223333 --reason "INC-42" --playbook root-user-activity --backend aws
  GITHUB_TOKEN=... GITHUB_REPOSITORY=acme/org orgops quarantine payments-prod --reason "INC-42" --open-pr

Exit codes: 0 done (or nothing to do), 2 --dry-run would change something, 1 error (the account
may still be contained: the output says what was done).`;

export interface QuarantineOptions extends GlobalOptions {
  readonly reason: string;
  readonly dryRun?: boolean;
  readonly playbook?: string;
  readonly openPr?: boolean;
  readonly base?: string;
  readonly stats?: boolean;
  readonly lockTimeout?: string;
}

/**
 * `orgops quarantine ACCOUNT --reason TEXT`: contain a compromised account now. Reads the
 * account and the quarantine OU, plans (pure), and unless `--dry-run` applies: guardrails on the
 * OU if missing, the move, the record in the account's tags. Then it records the quarantine in the
 * account's config entry, optionally as a pull request, and prints the playbook's next steps.
 * Containment comes first: a config or GitHub problem afterwards never undoes it.
 */
export async function quarantineCommand(
  ctx: CommandContext,
  query: string,
  options: QuarantineOptions,
): Promise<number> {
  const { io } = ctx;
  const started = Date.now();
  const loaded = await loadValidConfig(ctx, options);
  const quarantine = loaded.desired.quarantine;
  if (!quarantine) {
    throw new OrgopsError(
      'quarantine-not-configured',
      `The config names no quarantine OU. Add quarantine: defineQuarantine({ organizationalUnit, guardrails }) to defineOrganization(...) in ${loaded.file}.`,
    );
  }
  const playbooks: readonly QuarantineRunbook[] = loaded.config.quarantine?.playbooks ?? [];
  const playbook = options.playbook ? choosePlaybook(playbooks, options.playbook) : undefined;
  // Checked before anything changes: a missing token must not surface after the account moved.
  const github = options.openPr ? readRepositoryEnv(ctx.env, 'quarantine --open-pr') : undefined;

  // A dry run only reads; a real one holds the sandbox's lock, as apply does, so no apply
  // running meanwhile can write over the quarantine.
  const backend = await openBackend(options, ctx.cwd, options.dryRun ? {} : writeAccess(ctx, options));
  try {
    return await contain(ctx, backend, query, options, { loaded, quarantine, playbooks, playbook, github });
  } finally {
    // Every way out of the command says what it cost, refusals included.
    if (options.stats) io.err(formatStats(backend.stats(), Date.now() - started));
    await closeBackend(backend);
  }
}

interface Prepared {
  readonly loaded: Awaited<ReturnType<typeof loadValidConfig>>;
  readonly quarantine: NonNullable<Awaited<ReturnType<typeof loadValidConfig>>['desired']['quarantine']>;
  readonly playbooks: readonly QuarantineRunbook[];
  readonly playbook: QuarantineRunbook | undefined;
  readonly github: ReturnType<typeof readRepositoryEnv> | undefined;
}

async function contain(
  ctx: CommandContext,
  backend: Backend,
  query: string,
  options: QuarantineOptions,
  { loaded, quarantine, playbooks, playbook, github }: Prepared,
): Promise<number> {
  const { io } = ctx;
  const caller = await callerOf(backend);
  io.progress(`Reading ${backend.kind === 'sandbox' ? 'the sandbox' : 'AWS'} (${backend.location})...`);
  const facts = await readQuarantineFacts(backend, quarantine, query, caller);
  const plan = planQuarantine(facts, { reason: options.reason, now: new Date() });
  const edit = planConfigEdit(loaded.desired.accounts, plan.account, plan.entry);

  const label = escapeControls(`${plan.account.name} (${plan.account.id})`);
  const where =
    backend.kind === 'sandbox'
      ? `the sandbox (${backend.location})`
      : `AWS organization ${facts.organizationId}`;
  io.out(paint.bold(io.color, `Quarantine of ${label} in ${escapeControls(where)}`));
  if (options.dryRun) {
    printPlan(ctx, plan, 'would');
    printConfigEdit(ctx, edit, 'would');
    if (github)
      io.out(`  would open a pull request in ${github.owner}/${github.repo} with the config change`);
    io.out(paint.dim(io.color, 'Dry run: nothing was changed in AWS, in the config or on GitHub.'));
    const changes = plan.steps.length > 0 || (edit.ok && edit.changed);
    return changes ? EXIT.changes : EXIT.ok;
  }

  printPlan(ctx, plan, 'will');
  const result = await applyQuarantine(backend, plan, (o) => {
    const line = escapeControls(describeQuarantineStep(o.step, plan));
    if (o.status === 'failed')
      io.err(
        `${paint.red(io.errColor, 'failed')} ${line}: ${escapeControls(`${o.error?.code}: ${o.error?.message}`)}`,
      );
    else
      io.progress(`  ${o.status === 'done' ? 'done' : 'already so'}: ${line}${o.note ? ` (${o.note})` : ''}`);
  });
  if (!result.ok) {
    throw new OrgopsError(
      'quarantine-incomplete',
      `The quarantine of ${label} stopped part-way (see above). Run the same command again: it does only what is left.`,
    );
  }
  io.out(
    paint.green(
      io.color,
      plan.steps.length === 0
        ? `${label} was already quarantined (since ${plan.entry.at || 'an earlier run'}): nothing changed in AWS.`
        : `${label} is quarantined in ${escapeControls(plan.quarantinePath)}.`,
    ),
  );

  let code: number = EXIT.ok;
  if (!recordInConfig(ctx, edit)) code = EXIT.error;
  else if (github && edit.ok) {
    const repoPath = repositoryPathOf(edit.file);
    if (!repoPath) {
      io.err(
        `${paint.red(io.errColor, 'error')} ${edit.file} is not in a git repository: open the pull request by hand.`,
      );
      code = EXIT.error;
    } else {
      const change = quarantineChange(
        github,
        plan,
        { path: repoPath.path, before: edit.before, after: edit.after },
        options.base,
      );
      try {
        const pr = await proposeQuarantine(github, change, (m) => io.err(m));
        io.out(
          pr === undefined
            ? `The base branch already records this quarantine: no pull request needed.`
            : `${pr.created ? 'Opened' : 'Already open:'} pull request #${pr.number} ${pr.url}`,
        );
      } catch (err) {
        // The account is contained and the config recorded: say what is left, do not hide it.
        const why = err instanceof OrgopsError ? `[${err.code}] ${err.message}` : pullRequestFailure(err);
        io.err(
          `${paint.red(io.errColor, 'error')} [quarantine-pull-request-failed] The account is quarantined and the config records it, but no pull request was opened: ${escapeControls(why)}\n  Commit ${repoPath.path} on a branch and open the pull request by hand.`,
        );
        code = EXIT.error;
      }
    }
  }
  printNextSteps(ctx, playbooks, playbook, edit, Boolean(github));
  return code;
}

/** An error from GitHub's API (Octokit's `HttpError`), in one line without the request's headers. */
function pullRequestFailure(err: unknown): string {
  const e = err as { status?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}: ` : '';
  return `${status}${typeof e?.message === 'string' ? e.message.split('\n')[0] : String(err)}`;
}

/** The caller's ARN, recorded as who quarantined the account; only the management account can move accounts. */
async function callerOf(backend: Backend): Promise<string> {
  const aws = backend as Partial<{ callerIsManagementAccount(): Promise<boolean> }>;
  if (aws.callerIsManagementAccount && !(await aws.callerIsManagementAccount())) {
    throw new OrgopsError(
      'quarantine-not-management-account',
      'These credentials are not the management account’s: AWS lets only the management account move accounts. Run orgops quarantine with the apply role or break-glass in the management account.',
    );
  }
  return (await backend.callerIdentity?.())?.arn ?? 'unknown caller';
}

function printPlan(ctx: CommandContext, plan: QuarantinePlan, mood: 'would' | 'will'): void {
  const { io } = ctx;
  for (const step of plan.steps)
    io.out(`  ${paint.yellow(io.color, '+')} ${mood} ${escapeControls(describeQuarantineStep(step, plan))}`);
  for (const done of plan.already) io.out(`  ${paint.dim(io.color, '=')} already: ${escapeControls(done)}`);
  if (plan.sanitizedReason !== undefined) {
    io.out(
      `  note: AWS tag values allow only letters, digits, spaces and _.:/=+-@ (at most 256), so the tag carries "${escapeControls(plan.sanitizedReason)}"; the config entry keeps the reason as given.`,
    );
  }
  if (plan.wasQuarantined && plan.steps.length === 0) {
    io.out(`  note: the record of the first quarantine is kept; the reason given now is not recorded.`);
  }
}

/** A config file as the user sees it: relative to where they run orgops. */
function shown(ctx: CommandContext, file: string, line: number): string {
  return `${relative(ctx.cwd, file) || file}:${line}`;
}

function printConfigEdit(ctx: CommandContext, edit: ConfigEdit, mood: 'would' | 'will'): void {
  const { io } = ctx;
  if (!edit.ok) {
    io.out(`  ${mood} not record it in config: ${escapeControls(edit.reason)}`);
    return;
  }
  io.out(
    edit.changed
      ? `  ${mood === 'would' ? 'would record' : 'records'} it in config: ${edit.summary} (${shown(ctx, edit.file, edit.line)})`
      : `  already: config records it (${shown(ctx, edit.file, edit.line)})`,
  );
}

/** Writes the account's quarantine entry; says what to add by hand when it cannot. */
function recordInConfig(ctx: CommandContext, edit: ConfigEdit): boolean {
  const { io } = ctx;
  if (!edit.ok) {
    io.err(
      `${paint.red(io.errColor, 'error')} [quarantine-config-not-recorded] The account is quarantined, but the config was not changed: ${escapeControls(edit.reason)}.\n  Add this to the account's entry by hand, then open a pull request:\n${edit.snippet
        .split('\n')
        .map((l) => `    ${escapeControls(l)}`)
        .join('\n')}`,
    );
    return false;
  }
  if (!writeConfigEdit(edit)) {
    io.err(
      `${paint.red(io.errColor, 'error')} [quarantine-config-changed] ${edit.file} changed while the quarantine ran; nothing was written to it. Run the command again to record the quarantine.`,
    );
    return false;
  }
  const where = shown(ctx, edit.file, edit.line);
  io.out(edit.changed ? `Config: ${edit.summary} (${where}).` : `Config: already records it (${where}).`);
  return true;
}

function printNextSteps(
  ctx: CommandContext,
  playbooks: readonly QuarantineRunbook[],
  playbook: QuarantineRunbook | undefined,
  edit: ConfigEdit,
  proposed: boolean,
): void {
  const { io } = ctx;
  io.out('');
  io.out(paint.bold(io.color, 'Next steps'));
  if (edit.ok && edit.changed && !proposed) {
    io.out(
      '- Commit the config change and open a pull request (or run again with --open-pr). Its review shows no changes and the account held in quarantine; merging it changes nothing in AWS.',
    );
  }
  if (playbook) {
    io.out(
      `- Playbook ${escapeControls(playbook.id)} (${escapeControls(playbook.title)}), after the quarantine:`,
    );
    for (const step of nextSteps(playbook)) {
      io.out(`   ${escapeControls(step.title)}`);
      if (step.why) io.out(paint.dim(io.color, `      ${escapeControls(step.why)}`));
    }
  } else {
    const usable = quarantinePlaybooks(playbooks);
    if (usable.length) {
      io.out(
        `- Playbooks that quarantine an account: ${usable.map((p) => escapeControls(p.id)).join(', ')}. --playbook ID prints the steps that follow.`,
      );
    }
  }
  io.out(
    '- Only break-glass acts inside the account now. To let it out later: release: { reason, quarantinedAt } on the account, reviewed as a high risk.',
  );
}
