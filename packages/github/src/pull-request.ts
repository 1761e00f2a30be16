import { OrgopsError } from '@orgops/model';
import type { GitHub } from './client.ts';

/** A one-file config change to propose for review. */
export interface ConfigChange {
  readonly owner: string;
  readonly repo: string;
  /** Branch to propose against; the repository's default branch when absent. */
  readonly base?: string;
  /** Branch to create for the change; deterministic, so a second run finds the first one's. */
  readonly branch: string;
  /** Path inside the repository, `/`-separated. */
  readonly path: string;
  /** The file as the change was made against (the local checkout). */
  readonly before: string;
  readonly after: string;
  readonly commitMessage: string;
  readonly title: string;
  readonly body: string;
}

export interface OpenedPullRequest {
  readonly number: number;
  readonly url: string;
  /** False when an open pull request from the branch already existed (a repeated run). */
  readonly created: boolean;
}

/**
 * Proposes a config change as a pull request through the REST API: branch from the base, one
 * commit with the new file, the pull request. It only proposes a change to the file as it is on
 * the base branch: if that differs from what the change was made against, it refuses rather than
 * overwrite someone else's edit. Repeated, it finds the pull request the first run opened.
 *
 * @returns the pull request, or `undefined` when the base branch already has the change.
 */
export async function openConfigPullRequest(
  gh: GitHub,
  change: ConfigChange,
): Promise<OpenedPullRequest | undefined> {
  const repo = { owner: change.owner, repo: change.repo };
  const base = change.base ?? (await gh.rest.repos.get(repo)).data.default_branch;
  const open = await gh.rest.pulls.list({
    ...repo,
    state: 'open',
    head: `${change.owner}:${change.branch}`,
    base,
  });
  const existing = open.data[0];
  if (existing) return { number: existing.number, url: existing.html_url, created: false };

  const baseSha = (await gh.rest.git.getRef({ ...repo, ref: `heads/${base}` })).data.object.sha;
  const onBase = await fileAt(gh, repo, change.path, base);
  if (onBase?.text === change.after) return undefined;
  if (onBase === undefined || onBase.text !== change.before) {
    throw new OrgopsError(
      'github-base-differs',
      `${change.path} on ${base} ${onBase === undefined ? 'does not exist' : 'differs from the file this change was made against'}, so a pull request would undo someone else's change. Bring the checkout up to date with ${base} and run the command again, or commit the change yourself.`,
    );
  }

  let parentSha = onBase.sha;
  try {
    await gh.rest.git.createRef({ ...repo, ref: `refs/heads/${change.branch}`, sha: baseSha });
  } catch (err) {
    if (status(err) !== 422) throw err;
    // The branch is left from an earlier run that stopped before the pull request.
    const onBranch = await fileAt(gh, repo, change.path, change.branch);
    if (onBranch === undefined || (onBranch.text !== change.before && onBranch.text !== change.after)) {
      throw new OrgopsError(
        'github-branch-exists',
        `Branch ${change.branch} already exists with another version of ${change.path}. Delete the branch or open the pull request from it by hand.`,
      );
    }
    parentSha = onBranch.text === change.after ? '' : onBranch.sha;
  }
  if (parentSha) {
    await gh.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: change.path,
      branch: change.branch,
      message: change.commitMessage,
      content: Buffer.from(change.after, 'utf8').toString('base64'),
      sha: parentSha,
    });
  }
  const pr = await gh.rest.pulls.create({
    ...repo,
    base,
    head: change.branch,
    title: change.title,
    body: change.body,
  });
  return { number: pr.data.number, url: pr.data.html_url, created: true };
}

async function fileAt(
  gh: GitHub,
  repo: { owner: string; repo: string },
  path: string,
  ref: string,
): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      throw new OrgopsError('github-not-a-file', `${path} on ${ref} is not a file.`);
    }
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (err) {
    if (status(err) === 404) return undefined;
    throw err;
  }
}

function status(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
    ? err.status
    : undefined;
}
