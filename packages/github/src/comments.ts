import type { GitHub } from './client.ts';

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly login: string;
  readonly userType: string;
  readonly url: string;
}

/** Comments written by a bot (the workflow token): a person pasting the marker is not orgops. */
export const byBot = (c: IssueComment): boolean => c.userType === 'Bot';

/**
 * The first comment on an issue or pull request that contains `marker` and passes `accept`, read
 * through every page of comments (a busy pull request has hundreds), or undefined.
 */
export async function findMarkedComment(
  gh: GitHub,
  repo: { owner: string; repo: string },
  issueNumber: number,
  marker: string,
  accept: (c: IssueComment) => boolean = byBot,
): Promise<IssueComment | undefined> {
  for await (const page of gh.paginate.iterator(gh.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  })) {
    for (const c of page.data) {
      if (!c.body?.includes(marker)) continue;
      const comment: IssueComment = {
        id: c.id,
        body: c.body,
        login: c.user?.login ?? '',
        userType: c.user?.type ?? '',
        url: c.html_url,
      };
      if (accept(comment)) return comment;
    }
  }
  return undefined;
}

export type UpsertResult = { readonly action: 'created' | 'updated' | 'unchanged'; readonly url: string };

/**
 * Keeps exactly one comment with `marker`: edits it in place when it exists, creates it otherwise.
 * Editing one comment (rather than posting another) keeps the pull request readable and stays
 * clear of GitHub's secondary rate limits on content creation.
 */
export async function upsertComment(
  gh: GitHub,
  repo: { owner: string; repo: string },
  issueNumber: number,
  marker: string,
  body: string,
): Promise<UpsertResult> {
  const existing = await findMarkedComment(gh, repo, issueNumber, marker);
  if (!existing) {
    const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return { action: 'created', url: data.html_url };
  }
  if (existing.body === body) return { action: 'unchanged', url: existing.url };
  const { data } = await gh.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
  return { action: 'updated', url: data.html_url };
}
