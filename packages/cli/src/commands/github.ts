import { loadPlan, type Plan } from '@orgops/engine';
import {
  githubApply,
  githubComment,
  githubDrift,
  PIPELINE_DEFAULTS,
  type PipelineHost,
} from '@orgops/github';
import { applyPlan, type Backend, type DriftRead, readForDrift } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { Command } from 'commander';
import type { CommandContext, GlobalOptions } from '../command-context.ts';
import { loadValidConfig, makePlan } from '../make-plan.ts';
import { type BackendAccess, closeBackend } from '../open-backend.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { reviewAnalyzer } from '../review-analyzer.ts';
import { reviewFindingsOf } from '../run-lint.ts';
import { TOOL_VERSION } from '../version.ts';
import { formatApplyEvent, formatApplyResult } from './apply-report.ts';
import { readPlanFile } from './show.ts';

const GITHUB_HELP = `
These commands run inside GitHub Actions (.github/workflows/plan.yml, apply.yml, drift.yml) and read
the standard environment: GITHUB_API_URL (GitHub.com or Enterprise Server), GITHUB_TOKEN (pass
\`env: GITHUB_TOKEN: \${{ github.token }}\`), GITHUB_REPOSITORY, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
GITHUB_SHA, GITHUB_STEP_SUMMARY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT.`;

/**
 * The CLI side of the pipeline: its config loading, plan files and applier, for @orgops/github.
 * `access.write` (apply) locks a sandbox for the run; `close` releases what `makePlan` opened.
 */
function hostFor(
  ctx: CommandContext,
  options: GlobalOptions,
  access: BackendAccess = {},
): PipelineHost & { close(): Promise<void> } {
  const opened: Backend[] = [];
  return {
    close: async () => {
      for (const backend of opened.splice(0)) await closeBackend(backend);
    },
    env: ctx.env,
    cwd: ctx.cwd,
    io: ctx.io,
    readPlanFile: (path) => readPlanFile(ctx, path),
    reviewAnalyzer,
    parsePlanText: async (text, name): Promise<Plan> => {
      const parsed = await loadPlan(text, name, TOOL_VERSION, reviewAnalyzer);
      if (!parsed.ok) {
        printDiagnostics(ctx.io, parsed.errors, ctx.cwd);
        throw new OrgopsError('plan-file-invalid', `${name} is not a plan this orgops can use.`);
      }
      return parsed.value;
    },
    lintFindings: async () => reviewFindingsOf(ctx, await loadValidConfig(ctx, options)),
    makePlan: async () => {
      const run = await makePlan(ctx, options, 'fail', access);
      opened.push(run.backend);
      return { plan: run.plan, backend: run.backend };
    },
    makeDriftPlan: async (baseline) => {
      let read: DriftRead | undefined;
      const run = await makePlan(ctx, options, 'fail', access, async (backend, readOptions) => {
        read = await readForDrift(backend, baseline, readOptions);
        return read.snapshot;
      });
      opened.push(run.backend);
      if (!read) throw new OrgopsError('internal', 'The drift read did not run.', 'internal');
      return { plan: run.plan, read };
    },
    applyPlan: async (plan, backend) => {
      ctx.io.progress(`Applying ${plan.summary.total} changes...`);
      const result = await applyPlan(plan, backend, {
        onEvent: (e) => {
          const line = formatApplyEvent(e);
          if (line) ctx.io.progress(line);
        },
        pollIntervalMs: backend.kind === 'sandbox' ? 5 : undefined,
      });
      // A locked sandbox saved each change as it completed; `close` releases it.
      const report = formatApplyResult(result, false);
      (result.ok ? ctx.io.out : ctx.io.err)(report);
      return { ok: result.ok, report };
    },
  };
}

/** Registers `orgops github comment|apply|drift`. */
export function registerGithubCommands(
  program: Command,
  ctx: CommandContext,
  withGlobals: (cmd: Command) => Command,
  run: <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>,
): void {
  const github = program
    .command('github')
    .description('The GitHub Actions pipeline: review comment on pull requests, apply on merge, drift issue.')
    .addHelpText('after', GITHUB_HELP);

  withGlobals(github.command('comment'))
    .description(
      'On a pull request: keep one review comment (edited in place), write the full review to the job summary, and leave the review artifact. Exits 3, after posting, when the plan was rehearsed (`orgops plan --rehearse`) and the rehearsal blocks it.',
    )
    .argument('<planfile>', 'a plan saved with `orgops plan --out`')
    .option(
      '--artifact-dir <dir>',
      'where to write plan.json and comment.md for upload',
      PIPELINE_DEFAULTS.artifactDir,
    )
    .action(
      run((planFile: string, opts: GlobalOptions & { artifactDir: string }) =>
        githubComment(hostFor(ctx, opts), planFile, { artifactDir: opts.artifactDir }),
      ),
    );

  withGlobals(github.command('apply'))
    .description(
      'On a merge: re-plan from the merged code and apply only changes a verified review showed; otherwise stop before any write and say why on the pull request. On workflow_dispatch: apply the fresh plan approved by its changes digest.',
    )
    .option('--plan-workflow <file>', 'workflow file of the plan runs', PIPELINE_DEFAULTS.planWorkflow)
    .option('--apply-workflow <file>', 'workflow file of the apply runs', PIPELINE_DEFAULTS.applyWorkflow)
    .option('--bot <login>', 'login that writes the review comments', PIPELINE_DEFAULTS.botLogin)
    .option(
      '--allow-account-closure',
      'confirm that the plan may close accounts (irreversible after 90 days)',
    )
    .action(
      run(
        (
          opts: GlobalOptions & {
            planWorkflow: string;
            applyWorkflow: string;
            bot: string;
            allowAccountClosure?: boolean;
          },
        ) => {
          const host = hostFor(ctx, opts, { write: { command: ctx.command } });
          return githubApply(host, {
            planWorkflow: opts.planWorkflow,
            applyWorkflow: opts.applyWorkflow,
            botLogin: opts.bot,
            allowAccountClosure: opts.allowAccountClosure,
          }).finally(host.close);
        },
      ),
    );

  withGlobals(github.command('drift'))
    .description(
      'On a schedule: keep one labelled issue open while the organization differs from the config, updated in place, closed with a comment when drift is gone. Exit 2 on drift.',
    )
    .option('--label <name>', 'label of the drift issue', PIPELINE_DEFAULTS.driftLabel)
    .option(
      '--incremental',
      "continue from the last full read kept by the previous successful drift run's artifact, re-reading only what CloudTrail shows written since; write the next baseline for this run to upload",
    )
    .option('--drift-workflow <file>', 'workflow file of the drift runs', PIPELINE_DEFAULTS.driftWorkflow)
    .option(
      '--full-read-every <days>',
      'with --incremental: read everything when the last full read is older than this',
      String(PIPELINE_DEFAULTS.fullReadEveryDays),
    )
    .option(
      '--baseline-dir <dir>',
      'with --incremental: where to write baseline.json for upload as the orgops-drift-baseline artifact',
      PIPELINE_DEFAULTS.driftBaselineDir,
    )
    .action(
      run(
        (
          opts: GlobalOptions & {
            label: string;
            incremental?: boolean;
            driftWorkflow: string;
            fullReadEvery: string;
            baselineDir: string;
          },
        ) =>
          githubDrift(hostFor(ctx, opts), {
            label: opts.label,
            ...(opts.incremental
              ? {
                  incremental: {
                    workflow: opts.driftWorkflow,
                    maxAgeDays: parseDays(opts.fullReadEvery),
                    dir: opts.baselineDir,
                  },
                }
              : {}),
          }),
      ),
    );
}

/** `--full-read-every`: whole days, 1 to 89 (CloudTrail keeps 90). */
function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 89)
    throw new OrgopsError(
      'bad-full-read-every',
      `--full-read-every '${value}' is not a number of days from 1 to 89 (CloudTrail's event history keeps 90).`,
    );
  return days;
}
