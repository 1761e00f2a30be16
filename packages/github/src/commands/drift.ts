import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  analyzeOutOfBand,
  changesOf,
  classifyDrift,
  mdCode,
  mdText,
  type Plan,
  renderDriftMarkdown,
  renderPlanMarkdown,
} from '@orgops/engine';
import { createGitHub, repoOf } from '../client.ts';
import { DRIFT_BASELINE_FILE, previousBaseline } from '../drift-baseline.ts';
import { DRIFT_MARKER, ensureLabel, findOpenDriftIssue } from '../drift-issue.ts';
import { type ActionsEnv, readActionsEnv, runUrl } from '../env.ts';
import type { PipelineHost } from '../host.ts';
import { COMMENT_MAX_CHARS, fitChars } from '../limits.ts';
import { writeStepSummary } from '../step-summary.ts';

export interface DriftOptions {
  /** The fixed label that identifies the drift issue. */
  readonly label: string;
  /**
   * Continue from the last full read kept by the previous successful drift run (its artifact)
   * and re-read only what CloudTrail shows written since; the next baseline is written to
   * `dir/baseline.json` for this run to upload.
   */
  readonly incremental?: {
    /** The drift workflow's file name, to find its previous runs. */
    readonly workflow: string;
    /** A full read at least this often (days). */
    readonly maxAgeDays: number;
    readonly dir: string;
  };
}

/**
 * `orgops github drift`: one issue for as long as drift lasts. Opened (labelled) on the first
 * drift, its body replaced by the current report on later runs (never a second issue), closed
 * with a comment when the organization matches the config again. Exit 2 while there is drift.
 */
export async function githubDrift(host: PipelineHost, options: DriftOptions): Promise<number> {
  const env = readActionsEnv(host.env, 'github drift');
  const gh = createGitHub(env, { warn: host.io.err, ...host.client });
  const repo = repoOf(env);
  const { plan, readLine } = options.incremental
    ? await incrementalPlan(host, gh, repo, env, options.incremental)
    : { ...(await host.makePlan()), readLine: undefined };
  const items = classifyDrift(plan);
  const orgId = plan.target.organizationId;
  // What happened is rated as a plan would rate it (a grant made by hand is a gain).
  const { risks } = await analyzeOutOfBand(
    { changes: changesOf(plan), ...plan.reviewContext },
    host.reviewAnalyzer,
  );
  const report = renderDriftMarkdown(items, orgId, { risks });
  const open = await findOpenDriftIssue(gh, repo, options.label);

  if (items.length === 0) {
    writeStepSummary(env.stepSummary, readLine ? `${mdText(readLine)}\n\n${report}` : report);
    if (!open) {
      host.io.out(`No drift: organization ${orgId} matches the config.`);
      return 0;
    }
    await gh.rest.issues.createComment({
      ...repo,
      issue_number: open.number,
      body: `✅ No drift as of commit ${mdCode(env.sha.slice(0, 12))} ([drift run](${runUrl(env)})): organization ${mdCode(orgId)} matches the config again. Closing.`,
    });
    await gh.rest.issues.update({
      ...repo,
      issue_number: open.number,
      state: 'closed',
      state_reason: 'completed',
    });
    host.io.out(`No drift: closed ${open.url}`);
    return 0;
  }

  const body = issueBody(report, plan, env, readLine);
  writeStepSummary(
    env.stepSummary,
    `${readLine ? `${mdText(readLine)}\n\n` : ''}${report}\n\n${renderPlanMarkdown(plan, { title: 'Changes orgops apply would make' })}`,
  );
  if (!open) {
    await ensureLabel(gh, repo, options.label);
    const { data } = await gh.rest.issues.create({
      ...repo,
      title: `Drift in AWS organization ${orgId}`,
      body,
      labels: [options.label],
    });
    host.io.out(`Drift: ${items.length} difference(s); opened ${data.html_url}`);
  } else if (withoutRunLine(open.body) !== withoutRunLine(body)) {
    await gh.rest.issues.update({ ...repo, issue_number: open.number, body });
    host.io.out(`Drift: ${items.length} difference(s); updated ${open.url}`);
  } else {
    host.io.out(`Drift: ${items.length} difference(s), unchanged since the last run; ${open.url}`);
  }
  return 2;
}

const RUN_LINE = /^_Last checked: .*_$/m;
/** The report keeps at most this much of the issue; the plan view gets the rest. */
const REPORT_MAX_CHARS = 40_000;

function issueBody(report: string, plan: Plan, env: ActionsEnv, readLine: string | undefined): string {
  // The read goes on the run line, which a run that finds the same drift does not count as an edit.
  const how = readLine ? ` ${mdText(readLine)}` : '';
  const head = [
    DRIFT_MARKER,
    `_Last checked: commit ${mdCode(env.sha.slice(0, 12))}, [drift run](${runUrl(env)}).${how}_`,
    '',
    'The organization differs from the config on the default branch. This issue is updated on every scheduled drift run while drift lasts and closed when it is gone. Fix it by reverting the change in AWS, by merging a pull request that adopts it in the config, or by running the apply workflow.',
    '',
    fitChars(
      report,
      REPORT_MAX_CHARS,
      `- … cut to fit the issue; the [drift run](${runUrl(env)})'s job summary lists every difference.`,
    ),
    '',
    '',
  ].join('\n');
  const plans = renderPlanMarkdown(plan, {
    title: 'Changes orgops apply would make',
    maxChars: COMMENT_MAX_CHARS - 512 - head.length,
    fullPlanHint: `The drift run's job summary has the full report: ${runUrl(env)}.`,
  });
  return `${head}${plans}`;
}

/** A run that finds the same drift does not edit the issue just to change the run link. */
function withoutRunLine(body: string): string {
  return body.replace(RUN_LINE, '').replace(/<sub>.*<\/sub>/g, '');
}

/**
 * Plans with drift's read, continuing from the previous run's baseline when there is a usable one,
 * and leaves the next baseline for this run's artifact: this read when it was full, else the
 * baseline it continued from (carried forward unchanged).
 */
async function incrementalPlan(
  host: PipelineHost,
  gh: ReturnType<typeof createGitHub>,
  repo: { owner: string; repo: string },
  env: ActionsEnv,
  options: NonNullable<DriftOptions['incremental']>,
): Promise<{ plan: Plan; readLine: string }> {
  const previous = await previousBaseline(gh, repo, {
    workflow: options.workflow,
    branch: env.ref?.startsWith('refs/heads/') ? env.ref.slice('refs/heads/'.length) : undefined,
    currentRunId: env.runId,
    maxAgeDays: options.maxAgeDays,
    now: Date.now(),
  });
  const { plan, read } = await host.makeDriftPlan(previous.baseline);
  const next = read.mode === 'full' ? read.record : previous.baseline;
  const dir = resolve(host.cwd, options.dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, DRIFT_BASELINE_FILE), `${JSON.stringify(next)}\n`);
  const readLine =
    read.mode === 'full'
      ? `Full read: ${previous.baseline === undefined ? previous.note : read.reason}.`
      : `Incremental read from ${previous.note} (${read.since}): ${read.events} write event(s) in CloudTrail; re-read ${read.reread}.`;
  host.io.out(readLine);
  return { plan, readLine };
}
