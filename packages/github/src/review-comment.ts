import {
  changesDigest,
  changesOf,
  mdCode,
  type Plan,
  type ReviewFinding,
  renderPlanMarkdown,
} from '@orgops/engine';
import { COMMENT_MAX_CHARS, STEP_SUMMARY_MAX_BYTES } from './limits.ts';
import { encodeRecord, type ReviewRecord } from './review-record.ts';

/** The plan run a review comment describes: the fields it records (ReviewRecord), and a link. */
export interface ReviewContext
  extends Pick<ReviewRecord, 'pr' | 'head' | 'plannedAt' | 'runId' | 'runAttempt' | 'artifact'> {
  /** Link to the plan run, where the job summary and the artifact are. */
  readonly runUrl: string;
}

/**
 * Room kept below GitHub's limit for what the review adds around the plan view (record, header),
 * measured generously so a long organization id or URL can never push the body over.
 */
const COMMENT_BUDGET = COMMENT_MAX_CHARS - 1_536;

/** The review record of a plan made for a pull request. */
export function reviewRecordOf(plan: Plan, ctx: ReviewContext): ReviewRecord {
  const changes = changesOf(plan);
  return {
    version: 1,
    pr: ctx.pr,
    head: ctx.head,
    plannedAt: ctx.plannedAt,
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    artifact: ctx.artifact,
    organizationId: plan.target.organizationId,
    backend: plan.target.backend,
    changesDigest: changesDigest(changes),
    changeCount: changes.length,
  };
}

function header(record: ReviewRecord, ctx: ReviewContext, plan: Plan): string {
  return [
    encodeRecord(record),
    `> **orgops review** of organization ${mdCode(record.organizationId)}, planned at commit ${mdCode(record.head.slice(0, 12))} (head of this pull request; merge preview ${mdCode(record.plannedAt.slice(0, 12))}).`,
    `> Changes digest ${mdCode(record.changesDigest)} (${record.changeCount} change${record.changeCount === 1 ? '' : 's'}), from [plan run ${record.runId}, attempt ${record.runAttempt}](${ctx.runUrl}), artifact ${mdCode(record.artifact)}.`,
    '> Merging applies exactly these changes. Anything else (an out-of-band change, a newer commit on main) stops the apply before it writes.',
    // The verdict itself leads the review below; only its absence needs saying here.
    ...(plan.rehearsal
      ? []
      : [
          '> ⚠️ **Not rehearsed**: this plan was made without `--rehearse`, so nothing checked it against AWS’s rules on a twin of the organization.',
        ]),
    '',
    '',
  ].join('\n');
}

/**
 * The pull-request comment: the record, the review header, then the access review. It always
 * fits GitHub's 65,536-character limit: the plan view cuts its detail first, with a pointer to
 * the job summary and the artifact, and keeps summary, risks and access tables.
 */
export function renderReviewComment(plan: Plan, ctx: ReviewContext, lint?: readonly ReviewFinding[]): string {
  const head = header(reviewRecordOf(plan, ctx), ctx, plan);
  const hint = `The full review is in the job summary of [the plan run](${ctx.runUrl}); the plan is its artifact \`${ctx.artifact}\` (\`orgops show plan.json\` prints it).`;
  return `${head}${renderPlanMarkdown(plan, { maxChars: COMMENT_BUDGET - head.length, fullPlanHint: hint, ...(lint ? { lint } : {}) })}`;
}

/** The full review for the job summary: everything, within the summary's 1 MiB. */
export function renderReviewSummary(plan: Plan, ctx: ReviewContext, lint?: readonly ReviewFinding[]): string {
  const head = header(reviewRecordOf(plan, ctx), ctx, plan);
  const hint = `The plan is the artifact \`${ctx.artifact}\` of this run (\`orgops show plan.json\` prints it).`;
  // Characters are at most 4 bytes of UTF-8; the summary writer enforces the byte limit exactly.
  return `${head}${renderPlanMarkdown(plan, { maxChars: Math.floor(STEP_SUMMARY_MAX_BYTES / 2), fullPlanHint: hint, ...(lint ? { lint } : {}) })}`;
}
