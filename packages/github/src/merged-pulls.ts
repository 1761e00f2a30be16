import { OrgopsError } from '@orgops/model';
import type { GitHub } from './client.ts';

export interface MergedPull {
  readonly number: number;
  readonly headSha: string;
  readonly mergeCommitSha: string | null;
}

/** More merges than this since the last apply is not a queue: approve the fresh plan instead. */
export const MAX_COMMITS_SINCE_APPLY = 250;

/**
 * The last commit a successful run of the apply workflow ran on, other than this run: everything
 * merged after it may still be waiting to be applied (a run cancelled by the concurrency group,
 * a refused one). Undefined before the first successful apply.
 */
export async function lastAppliedSha(
  gh: GitHub,
  repo: { owner: string; repo: string },
  workflow: string,
  branch: string,
  currentRunId: number,
): Promise<string | undefined> {
  const { data } = await gh.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: workflow,
    branch,
    status: 'success',
    per_page: 20,
  });
  return data.workflow_runs.find((r) => r.id !== currentRunId)?.head_sha;
}

/**
 * Pull requests merged into `branch` from `since` (exclusive) to `sha` (inclusive), oldest
 * first. Only the first-parent chain is asked about: those are the commits a merge, squash or
 * rebase put on the branch; the pull requests' own commits would only repeat them.
 */
export async function pullsMergedBetween(
  gh: GitHub,
  repo: { owner: string; repo: string },
  since: string | undefined,
  sha: string,
  branch: string,
): Promise<MergedPull[]> {
  const chain = since ? await firstParentChain(gh, repo, since, sha) : [sha];
  const pulls = new Map<number, MergedPull>();
  for (const commit of chain) {
    const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: commit,
    });
    for (const p of data) {
      if (!p.merged_at || p.base.ref !== branch || pulls.has(p.number)) continue;
      pulls.set(p.number, {
        number: p.number,
        headSha: p.head.sha,
        mergeCommitSha: p.merge_commit_sha ?? null,
      });
    }
  }
  return [...pulls.values()];
}

async function firstParentChain(
  gh: GitHub,
  repo: { owner: string; repo: string },
  base: string,
  head: string,
): Promise<string[]> {
  if (base === head) return [head];
  const parents = new Map<string, string | undefined>();
  for (let page = 1; ; page++) {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 100,
      page,
    });
    for (const c of data.commits) parents.set(c.sha, c.parents[0]?.sha);
    if (data.total_commits > MAX_COMMITS_SINCE_APPLY) {
      throw new OrgopsError(
        'github-too-many-commits',
        `${data.total_commits} commits landed since the last successful apply (${base.slice(0, 12)}); orgops checks reviews for up to ${MAX_COMMITS_SINCE_APPLY}. Review the fresh plan in this job's summary and approve it with a manual run of the apply workflow.`,
      );
    }
    if (data.commits.length < 100 || parents.size >= data.total_commits) break;
  }
  const chain: string[] = [];
  for (let at: string | undefined = head; at && at !== base && parents.has(at); at = parents.get(at))
    chain.push(at);
  return chain.reverse();
}
