import {
  analyzeOutOfBand,
  changesOf,
  classifyDrift,
  mdCode,
  type Plan,
  renderDriftMarkdown,
  renderPlanMarkdown,
} from '@orgops/engine';
import { createGitHub, repoOf } from '../client.ts';
import { DRIFT_MARKER, ensureLabel, findOpenDriftIssue } from '../drift-issue.ts';
import { type ActionsEnv, readActionsEnv, runUrl } from '../env.ts';
import type { PipelineHost } from '../host.ts';
import { COMMENT_MAX_CHARS, fitChars } from '../limits.ts';
import { writeStepSummary } from '../step-summary.ts';

export interface DriftOptions {
  /** The fixed label that identifies the drift issue. */
  readonly label: string;
}

/**
 * `orgops github drift`: one issue for as long as drift lasts. Opened (labelled) on the first
 * drift, its body replaced by the current report on later runs (never a second issue), closed
 * with a comment when the organization matches the config again. Exit 2 while there is drift.
 */
export async function githubDrift(host: PipelineHost, options: DriftOptions): Promise<number> {
  const env = readActionsEnv(host.env, 'github drift');
  const { plan } = await host.makePlan();
  const items = classifyDrift(plan);
  const orgId = plan.target.organizationId;
  // What happened is rated as a plan would rate it (a grant made by hand is a gain).
  const { risks } = await analyzeOutOfBand(
    { changes: changesOf(plan), ...plan.reviewContext },
    host.reviewAnalyzer,
  );
  const report = renderDriftMarkdown(items, orgId, { risks });
  const gh = createGitHub(env, { warn: host.io.err, ...host.client });
  const repo = repoOf(env);
  const open = await findOpenDriftIssue(gh, repo, options.label);

  if (items.length === 0) {
    writeStepSummary(env.stepSummary, report);
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

  const body = issueBody(report, plan, env);
  writeStepSummary(
    env.stepSummary,
    `${report}\n\n${renderPlanMarkdown(plan, { title: 'Changes orgops apply would make' })}`,
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

function issueBody(report: string, plan: Plan, env: ActionsEnv): string {
  const head = [
    DRIFT_MARKER,
    `_Last checked: commit ${mdCode(env.sha.slice(0, 12))}, [drift run](${runUrl(env)})._`,
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
