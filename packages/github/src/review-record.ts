/**
 * The machine-readable part of the review comment: which pull request, commit and plan run it
 * reviews, and the digest of the changes shown. It is a claim, never trusted as it stands: apply
 * checks it against GitHub's own records (the pull request, the plan run) and the immutable
 * artifact of that run (see reviewed-changes.ts).
 */
export const REVIEW_MARKER = '<!-- orgops-review';

export interface ReviewRecord {
  readonly version: 1;
  /** Pull request number. */
  readonly pr: number;
  /** The pull request's head commit that was planned (what reviewers approve and what merges). */
  readonly head: string;
  /** GITHUB_SHA of the plan run: the test merge of head into the base branch. */
  readonly plannedAt: string;
  readonly runId: number;
  readonly runAttempt: number;
  /** Artifact of that run holding plan.json and comment.md. */
  readonly artifact: string;
  readonly organizationId: string;
  readonly backend: 'sandbox' | 'aws';
  /** changesDigest of the plan's changes. */
  readonly changesDigest: string;
  readonly changeCount: number;
}

/** The artifact a plan run uploads: named per attempt, so a re-run never reuses a name. */
export function reviewArtifactName(runAttempt: number): string {
  return `orgops-review-${runAttempt}`;
}

/** The record as a hidden HTML comment; `>` is escaped so nothing in it can close the comment. */
export function encodeRecord(record: ReviewRecord): string {
  return `${REVIEW_MARKER} ${JSON.stringify(record).replace(/>/g, '\\u003e')} -->`;
}

/** The record in a comment body, or why there is none. */
export function decodeRecord(body: string): { record: ReviewRecord } | { problem: string } {
  const start = body.indexOf(REVIEW_MARKER);
  if (start < 0) return { problem: 'it has no orgops review record' };
  const end = body.indexOf('-->', start);
  const json = body.slice(start + REVIEW_MARKER.length, end < 0 ? undefined : end).trim();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'its review record is not valid JSON' };
  }
  const r = value as Partial<Record<keyof ReviewRecord, unknown>>;
  const ok =
    r.version === 1 &&
    isPositiveInt(r.pr) &&
    isSha(r.head) &&
    isSha(r.plannedAt) &&
    isPositiveInt(r.runId) &&
    isPositiveInt(r.runAttempt) &&
    typeof r.artifact === 'string' &&
    typeof r.organizationId === 'string' &&
    (r.backend === 'aws' || r.backend === 'sandbox') &&
    typeof r.changesDigest === 'string' &&
    /^[0-9a-f]{64}$/.test(r.changesDigest) &&
    typeof r.changeCount === 'number';
  return ok ? { record: value as ReviewRecord } : { problem: 'its review record is incomplete or malformed' };
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

function isSha(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{40}$/.test(v);
}
