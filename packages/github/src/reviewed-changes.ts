import { type Change, changeDigest, changesDigest, changesOf, type Plan } from '@orgops/engine';
import { downloadArtifactFiles } from './artifact.ts';
import type { GitHub } from './client.ts';
import { findMarkedComment } from './comments.ts';
import type { MergedPull } from './merged-pulls.ts';
import { decodeRecord, REVIEW_MARKER, type ReviewRecord } from './review-record.ts';

/** Where the evidence of a review is looked up. */
export interface ReviewLookup {
  readonly gh: GitHub;
  readonly repo: { owner: string; repo: string };
  /** Workflow file of the plan runs, e.g. plan.yml. */
  readonly planWorkflow: string;
  /** Login that writes the review comments (the workflow token's bot). */
  readonly botLogin: string;
  /** The fresh plan's target: a review of another organization counts for nothing. */
  readonly target: Plan['target'];
  /** Parses the artifact's plan with the CLI's integrity checks. */
  readonly parsePlan: (text: string, name: string) => Plan | Promise<Plan>;
}

export type Review =
  | {
      readonly pr: number;
      readonly ok: true;
      readonly record: ReviewRecord;
      readonly digests: ReadonlySet<string>;
    }
  | { readonly pr: number; readonly ok: false; readonly problem: string };

/**
 * The changes a pull request's review showed, reconstructed from evidence an editor of the
 * comment cannot forge:
 *
 * 1. the review comment, written by the workflow's bot, names the plan run and its artifact;
 * 2. the commit it planned must be the pull request's head when it merged (from GitHub);
 * 3. that run must be the latest plan run of that commit, and have succeeded (from GitHub);
 * 4. the comment body must equal, byte for byte, the copy in that run's artifact, which only the
 *    run could upload and nobody can edit: an edited comment is refused;
 * 5. the artifact's plan must pass the plan-file checks and match the digest the comment shows;
 * 6. it must be a plan of the organization being applied.
 *
 * Any failure makes the review count for nothing, with the reason.
 */
export async function verifiedReview(lookup: ReviewLookup, pull: MergedPull): Promise<Review> {
  const fail = (problem: string): Review => ({ pr: pull.number, ok: false, problem });
  const { gh, repo } = lookup;
  const comment = await findMarkedComment(
    gh,
    repo,
    pull.number,
    REVIEW_MARKER,
    (c) => c.login === lookup.botLogin,
  );
  if (!comment) {
    const other = await findMarkedComment(gh, repo, pull.number, REVIEW_MARKER, () => true);
    return fail(
      other
        ? `its only review comment was written by ${other.login}, not by ${lookup.botLogin}`
        : 'it has no orgops review comment (the plan workflow did not run or did not finish)',
    );
  }
  const decoded = decodeRecord(comment.body);
  if ('problem' in decoded) return fail(`its review comment is unusable: ${decoded.problem}`);
  const { record } = decoded;
  if (record.pr !== pull.number) return fail(`its review comment is a copy of the review of #${record.pr}`);
  if (record.head !== pull.headSha) {
    return fail(
      `the review is of commit ${short(record.head)}, but the pull request merged at ${short(pull.headSha)}: the last push was never planned`,
    );
  }

  const { data } = await gh.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: lookup.planWorkflow,
    head_sha: record.head,
    event: 'pull_request',
    per_page: 100,
  });
  const latest = [...data.workflow_runs].sort((a, b) => b.run_number - a.run_number)[0];
  if (!latest) return fail(`no ${lookup.planWorkflow} run exists for commit ${short(record.head)}`);
  if (latest.id !== record.runId || latest.run_attempt !== record.runAttempt) {
    return fail(
      `the review names plan run ${record.runId} attempt ${record.runAttempt}, but the latest plan of ${short(record.head)} is run ${latest.id} attempt ${latest.run_attempt ?? 1}`,
    );
  }
  if (latest.status !== 'completed' || latest.conclusion !== 'success') {
    return fail(`plan run ${latest.id} did not succeed (${latest.conclusion ?? latest.status})`);
  }

  const files = await downloadArtifactFiles(gh, repo, record.runId, record.artifact);
  const saved = files?.get('comment.md');
  const planText = files?.get('plan.json');
  if (saved === undefined || planText === undefined) {
    return fail(`plan run ${record.runId} has no artifact ${record.artifact} with comment.md and plan.json`);
  }
  if (normalize(saved) !== normalize(comment.body)) {
    return fail(
      'its review comment was edited after the plan run posted it (it differs from the copy in the run’s artifact)',
    );
  }
  let plan: Plan;
  try {
    plan = await lookup.parsePlan(planText, `${record.artifact}/plan.json`);
  } catch (err) {
    return fail(`the plan in artifact ${record.artifact} is refused: ${(err as Error).message}`);
  }
  const changes = changesOf(plan);
  if (changesDigest(changes) !== record.changesDigest) {
    return fail(`the plan in artifact ${record.artifact} does not match the changes digest of the review`);
  }
  if (
    plan.target.organizationId !== lookup.target.organizationId ||
    plan.target.backend !== lookup.target.backend
  ) {
    return fail(
      `it reviewed organization ${plan.target.organizationId} (${plan.target.backend}), not ${lookup.target.organizationId} (${lookup.target.backend})`,
    );
  }
  return { pr: pull.number, ok: true, record, digests: new Set(changes.map(changeDigest)) };
}

/** Changes of the fresh plan that no verified review showed, unchanged. */
export function unreviewedChanges(fresh: readonly Change[], reviews: readonly Review[]): Change[] {
  const shown = new Set<string>();
  for (const r of reviews) if (r.ok) for (const d of r.digests) shown.add(d);
  return fresh.filter((c) => !shown.has(changeDigest(c)));
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
