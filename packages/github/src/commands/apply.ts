import { changesDigest, changesOf, isEmptyPlan, type Plan, renderPlanMarkdown } from '@orgops/engine';
import type { Backend } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { createGitHub, type GitHub, repoOf } from '../client.ts';
import { codeBlock } from '../code-block.ts';
import { upsertComment } from '../comments.ts';
import { type ActionsEnv, readActionsEnv, runUrl } from '../env.ts';
import { dispatchInputs } from '../event.ts';
import type { PipelineHost } from '../host.ts';
import { STEP_SUMMARY_MAX_BYTES } from '../limits.ts';
import { lastAppliedSha, type MergedPull, pullsMergedBetween } from '../merged-pulls.ts';
import { REFUSAL_MARKER, renderRefusal } from '../refusal.ts';
import { type Review, unreviewedChanges, verifiedReview } from '../reviewed-changes.ts';
import { writeStepSummary } from '../step-summary.ts';

export interface ApplyOptions {
  readonly planWorkflow: string;
  readonly applyWorkflow: string;
  readonly botLogin: string;
  readonly allowAccountClosure?: boolean;
}

/**
 * `orgops github apply`: on a push to the default branch, re-plans from the merged code and
 * applies only when every change is one a verified review showed, unchanged (reviews of every
 * pull request merged since the last successful apply count, and any subset of their changes
 * may remain). Otherwise nothing is written: the pull request is told what differs and the run
 * fails. On `workflow_dispatch`, a person in the protected environment approves the fresh plan by
 * its digest.
 */
export async function githubApply(host: PipelineHost, options: ApplyOptions): Promise<number> {
  const env = readActionsEnv(host.env, 'github apply');
  if (env.eventName !== 'push' && env.eventName !== 'workflow_dispatch') {
    throw new OrgopsError(
      'github-wrong-event',
      `\`orgops github apply\` runs on push (a merge to the default branch) and workflow_dispatch (an approved re-plan); this run is a ${env.eventName} event. Call it from .github/workflows/apply.yml.`,
    );
  }
  const branch = env.ref?.startsWith('refs/heads/') ? env.ref.slice('refs/heads/'.length) : undefined;
  if (!branch) {
    throw new OrgopsError(
      'github-env-incomplete',
      'GITHUB_REF is not a branch (refs/heads/…); apply runs on the default branch.',
    );
  }
  const { plan, backend } = await host.makePlan();
  const changes = changesOf(plan);
  const digest = changesDigest(changes);
  const review = renderPlanMarkdown(plan, {
    title: 'orgops apply: fresh plan',
    maxChars: STEP_SUMMARY_MAX_BYTES / 2,
  });

  if (isEmptyPlan(plan)) {
    writeStepSummary(
      env.stepSummary,
      `${review}\nNothing to apply: the organization matches the merged config.`,
    );
    host.io.out('Nothing to apply: the organization matches the merged config.');
    return 0;
  }
  const closures = changes.filter((c) => c.kind === 'account-close');
  if (closures.length && !options.allowAccountClosure) {
    throw new OrgopsError(
      'closure-not-allowed',
      `The plan closes ${closures.length} account(s) (${closures.map((c) => c.address).join(', ')}). Closing is irreversible after 90 days; the apply workflow must pass --allow-account-closure to confirm.`,
    );
  }
  const gh = createGitHub(env, { warn: host.io.err, ...host.client });

  if (env.eventName === 'workflow_dispatch') {
    const approved = dispatchInputs(env).changes_digest?.trim() ?? '';
    if (approved !== digest) {
      writeStepSummary(
        env.stepSummary,
        `${review}\n\nNot applied: the approved digest \`${approved || '(none)'}\` is not this plan's \`${digest}\`.`,
      );
      host.io.err(
        `Refusing to apply: the run was approved for changes digest '${approved || '(none)'}', but the fresh plan's digest is ${digest}. The plan changed since it was approved; review it in this job's summary and run the workflow again with changes_digest=${digest}.`,
      );
      return 1;
    }
    host.io.progress(`Applying the fresh plan approved by digest ${digest}.`);
    return apply(host, env, plan, backend, review);
  }

  const since = await lastAppliedSha(gh, repoOf(env), options.applyWorkflow, branch, env.runId);
  const pulls = await pullsMergedBetween(gh, repoOf(env), since, env.sha, branch);
  const lookup = {
    gh,
    repo: repoOf(env),
    planWorkflow: options.planWorkflow,
    botLogin: options.botLogin,
    target: plan.target,
    parsePlan: host.parsePlanText,
  };
  const reviews: Review[] = [];
  for (const pull of pulls) reviews.push(await verifiedReview(lookup, pull));
  const unreviewed = unreviewedChanges(changes, reviews);
  for (const r of reviews) {
    host.io.progress(
      r.ok ? `#${r.pr}: review verified (${r.record.changeCount} changes)` : `#${r.pr}: ${r.problem}`,
    );
  }
  if (unreviewed.length === 0) {
    host.io.progress(
      `Every change of the fresh plan was reviewed (${pulls.map((p) => `#${p.number}`).join(', ')}).`,
    );
    return apply(host, env, plan, backend, review);
  }

  const refusal = renderRefusal({
    sha: env.sha,
    runUrl: runUrl(env),
    freshDigest: digest,
    changeCount: changes.length,
    unreviewed,
    reviews,
    note: pulls.length
      ? undefined
      : `No pull request was merged at ${env.sha.slice(0, 12)} or since the last successful apply: this is a direct push.`,
  });
  writeStepSummary(env.stepSummary, `${refusal}\n\n${review}`);
  await tellPullRequests(gh, env, pulls, refusal, host);
  host.io.err(
    `Refusing to apply: ${unreviewed.length} of ${changes.length} changes were not shown by any review:\n${unreviewed
      .slice(0, 20)
      .map((c) => `  ${c.action} ${c.address}`)
      .join(
        '\n',
      )}${unreviewed.length > 20 ? `\n  … and ${unreviewed.length - 20} more` : ''}\nNothing was changed. To apply the fresh plan, approve it with a manual run of the apply workflow with changes_digest=${digest}.`,
  );
  return 1;
}

async function apply(
  host: PipelineHost,
  env: ActionsEnv,
  plan: Plan,
  backend: Backend,
  review: string,
): Promise<number> {
  const result = await host.applyPlan(plan, backend);
  writeStepSummary(
    env.stepSummary,
    `${review}\n\n### ${result.ok ? '✅ Applied' : '❌ Apply failed'}\n\n${codeBlock(result.report)}`,
  );
  return result.ok ? 0 : 1;
}

/** The refusal goes on the pull requests merged at this commit (the ones whose merge triggered it). */
async function tellPullRequests(
  gh: GitHub,
  env: ActionsEnv,
  pulls: readonly MergedPull[],
  refusal: string,
  host: PipelineHost,
): Promise<void> {
  const here = pulls.filter((p) => p.mergeCommitSha === env.sha);
  for (const p of here.length ? here : pulls.slice(-1)) {
    const result = await upsertComment(gh, repoOf(env), p.number, REFUSAL_MARKER, refusal);
    host.io.progress(`Explained the refusal on pull request #${p.number}: ${result.url}`);
  }
}
