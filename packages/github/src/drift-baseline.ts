import { downloadArtifactFiles } from './artifact.ts';
import type { GitHub } from './client.ts';

/** The artifact every drift run uploads: the last full read, for the next run to continue from. */
export const DRIFT_BASELINE_ARTIFACT = 'orgops-drift-baseline';
export const DRIFT_BASELINE_FILE = 'baseline.json';

/** Events that run the drift workflow on the default branch with its reviewed code. */
const TRUSTED_EVENTS = new Set(['schedule', 'workflow_dispatch']);

export interface PreviousBaseline {
  /** The parsed baseline, for the reader to check and continue from; absent when there is none to use. */
  readonly baseline?: unknown;
  /** Where it came from, or why there is none. */
  readonly note: string;
}

/**
 * The last full read, from the artifact of the latest successful drift run on the default branch
 * (other than this one). Where the time of the last full read comes from matters: a baseline that
 * claims a later time than it should would hide every change made in between. An issue's hidden
 * record can be edited by anyone with write access; an artifact can only be uploaded by its own
 * run, and only runs of this workflow on the default branch started by the schedule or a manual
 * dispatch (so running the reviewed code) are considered. Anything else, a missing or expired
 * artifact, or a baseline older than `maxAgeDays` means no baseline: a full read, never a
 * shorter one. The reader checks the rest (its shape, organization, and the 90-day window).
 */
export async function previousBaseline(
  gh: GitHub,
  repo: { owner: string; repo: string },
  options: {
    readonly workflow: string;
    readonly branch: string | undefined;
    readonly currentRunId: number;
    readonly maxAgeDays: number;
    readonly now: number;
  },
): Promise<PreviousBaseline> {
  if (!options.branch)
    return { note: 'this run is not on a branch (GITHUB_REF), so no earlier run is trusted' };
  const { data } = await gh.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: options.workflow,
    branch: options.branch,
    status: 'success',
    per_page: 20,
  });
  const run = data.workflow_runs.find(
    (r) =>
      r.id !== options.currentRunId &&
      r.head_branch === options.branch &&
      r.conclusion === 'success' &&
      TRUSTED_EVENTS.has(r.event) &&
      r.path.endsWith(`.github/workflows/${options.workflow}`),
  );
  if (!run) return { note: `no earlier successful ${options.workflow} run on ${options.branch}` };
  const files = await downloadArtifactFiles(gh, repo, run.id, DRIFT_BASELINE_ARTIFACT);
  const where = `${options.workflow} run ${run.id}`;
  if (!files) return { note: `${where} left no ${DRIFT_BASELINE_ARTIFACT} artifact (or it expired)` };
  const text = files.get(DRIFT_BASELINE_FILE);
  if (text === undefined) return { note: `${where}'s artifact has no ${DRIFT_BASELINE_FILE}` };
  let baseline: unknown;
  try {
    baseline = JSON.parse(text);
  } catch {
    return { note: `${where}'s ${DRIFT_BASELINE_FILE} is not JSON` };
  }
  const readAt = Date.parse(String((baseline as { readStartedAt?: unknown } | null)?.readStartedAt));
  const maxAgeMs = options.maxAgeDays * 86_400_000;
  if (!Number.isNaN(readAt) && options.now - readAt > maxAgeMs)
    return {
      note: `the last full read (${new Date(readAt).toISOString()}, kept by ${where}) is more than ${options.maxAgeDays} days old: time for a full one`,
    };
  return { baseline, note: `the last full read kept by ${where}` };
}
