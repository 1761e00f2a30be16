import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rehearsalBlocks } from '@orgops/engine';
import { OrgopsError } from '@orgops/model';
import { createGitHub, repoOf } from '../client.ts';
import { upsertComment } from '../comments.ts';
import { readActionsEnv, runUrl } from '../env.ts';
import { pullRequestEvent } from '../event.ts';
import type { PipelineHost } from '../host.ts';
import { type ReviewContext, renderReviewComment, renderReviewSummary } from '../review-comment.ts';
import { REVIEW_MARKER, reviewArtifactName } from '../review-record.ts';
import { writeStepSummary } from '../step-summary.ts';

export interface CommentOptions {
  /** Directory for the review artifact: plan.json and comment.md, uploaded by the workflow. */
  readonly artifactDir: string;
}

/**
 * `orgops github comment PLANFILE`: keeps one review comment on the pull request (created once,
 * then edited in place), writes the full review to the job summary, and leaves the review
 * artifact (the plan and the exact comment body) for the workflow to upload. Apply later checks
 * the comment against that artifact, so an edit to either is detected.
 */
export async function githubComment(
  host: PipelineHost,
  planFile: string,
  options: CommentOptions,
): Promise<number> {
  const env = readActionsEnv(host.env, 'github comment');
  const pr = pullRequestEvent(env, 'github comment');
  if (pr.headRepo && pr.headRepo !== `${env.owner}/${env.repo}`) {
    throw new OrgopsError(
      'github-fork-pull-request',
      `Pull request #${pr.number} comes from the fork ${pr.headRepo}: its token is read-only and it gets no AWS credentials, so it cannot be planned or commented on. The plan workflow only validates and lints forks.`,
    );
  }
  const plan = host.readPlanFile(planFile);
  const ctx: ReviewContext = {
    pr: pr.number,
    head: pr.headSha,
    plannedAt: env.sha,
    runId: env.runId,
    runAttempt: env.runAttempt,
    artifact: reviewArtifactName(env.runAttempt),
    runUrl: runUrl(env),
  };
  const lint = await host.lintFindings?.();
  const body = renderReviewComment(plan, ctx, lint);

  // The artifact is written before the comment is posted: a comment never exists without it.
  const dir = resolve(host.cwd, options.artifactDir);
  mkdirSync(dir, { recursive: true });
  copyFileSync(resolve(host.cwd, planFile), join(dir, 'plan.json'));
  writeFileSync(join(dir, 'comment.md'), body);

  writeStepSummary(env.stepSummary, renderReviewSummary(plan, ctx, lint));
  const gh = createGitHub(env, { warn: host.io.err, ...host.client });
  const result = await upsertComment(gh, repoOf(env), pr.number, REVIEW_MARKER, body);
  host.io.progress(
    `${result.action === 'created' ? 'Posted' : result.action === 'updated' ? 'Updated' : 'Kept'} the review on pull request #${pr.number}: ${result.url}`,
  );
  if (!plan.phases.some((p) => p.changes.length > 0)) host.io.progress('The plan has no changes.');
  if (rehearsalBlocks(plan)) {
    host.io.err(
      'The rehearsal found changes AWS would refuse, or a plan that does not converge: the review lists them at the top. Failing the plan run, so the pull request is not applied.',
    );
    return REHEARSAL_BLOCKED_EXIT;
  }
  return 0;
}

/**
 * Exit code of a review whose rehearsal blocks the plan: the CLI's `EXIT.rehearsalBlocked`, so the
 * plan job fails (and apply, which trusts only a successful plan run, refuses the pull request).
 */
export const REHEARSAL_BLOCKED_EXIT = 3;
