import { OWNER, R, REPO, type Route, re, tooLong } from './route.ts';
import { blobSha, type FakePull, type FakeRepo } from './state.ts';

/**
 * The endpoints that propose a change: the repository (its default branch), branch refs, file
 * contents read and written per branch (a write is a commit, refused with 409 unless it names the
 * file's current blob), and pull requests listed by head and opened (422 without commits).
 */
export function contentRoutes(
  repo: FakeRepo,
  pullJson: (p: FakePull) => unknown,
  notFound: { status: number; json: unknown },
): Route[] {
  const decode = (s: string) => decodeURIComponent(s);
  return [
    [
      'GET',
      new RegExp(`^${R}$`),
      () => ({ json: { full_name: `${OWNER}/${REPO}`, default_branch: repo.defaultBranch } }),
    ],
    [
      'GET',
      re('/git/ref/heads(?:/|%2F)(.+)'),
      ({ match }) => {
        const sha = repo.branches.get(decode(match[1] ?? ''));
        return sha
          ? { json: { ref: `refs/heads/${decode(match[1] ?? '')}`, object: { sha, type: 'commit' } } }
          : notFound;
      },
    ],
    [
      'POST',
      re('/git/refs'),
      ({ body }) => {
        const ref = String(body.ref ?? '');
        const sha = String(body.sha ?? '');
        if (!ref.startsWith('refs/heads/') || !repo.commits.has(sha))
          return { status: 422, json: { message: 'Invalid request' } };
        const branch = ref.slice('refs/heads/'.length);
        if (repo.branches.has(branch)) return { status: 422, json: { message: 'Reference already exists' } };
        repo.branches.set(branch, sha);
        return { status: 201, json: { ref, object: { sha, type: 'commit' } } };
      },
    ],
    [
      'GET',
      re('/contents/(.+)'),
      ({ match, query }) => {
        const path = decode(match[1] ?? '');
        const content = repo.fileOn(query.get('ref') ?? repo.defaultBranch, path);
        if (content === undefined) return notFound;
        return {
          json: {
            type: 'file',
            path,
            encoding: 'base64',
            content: Buffer.from(content, 'utf8').toString('base64'),
            sha: blobSha(content),
          },
        };
      },
    ],
    [
      'PUT',
      re('/contents/(.+)'),
      ({ match, body }) => {
        const path = decode(match[1] ?? '');
        const branch = String(body.branch ?? repo.defaultBranch);
        if (!repo.branches.has(branch)) return notFound;
        const current = repo.fileOn(branch, path);
        if (current !== undefined && body.sha !== blobSha(current))
          return { status: 409, json: { message: `${path} does not match ${String(body.sha)}` } };
        const content = Buffer.from(String(body.content ?? ''), 'base64').toString('utf8');
        const commit = repo.commitFiles(branch, { [path]: content }, String(body.message ?? ''));
        return {
          status: current === undefined ? 201 : 200,
          json: { content: { path, sha: blobSha(content) }, commit: { sha: commit } },
        };
      },
    ],
    [
      'GET',
      re('/pulls'),
      ({ query, paginate }) => {
        const head = query.get('head');
        const state = query.get('state') ?? 'open';
        const list = repo.pulls.filter(
          (p) =>
            (state === 'all' || (p.state ?? (p.mergedAt ? 'closed' : 'open')) === state) &&
            (!head || `${OWNER}:${p.headRef}` === head) &&
            (!query.get('base') || p.baseRef === query.get('base')),
        );
        return { json: paginate(list.map(pullJson)) };
      },
    ],
    [
      'POST',
      re('/pulls'),
      ({ body }) => {
        const head = String(body.head ?? '');
        const base = String(body.base ?? '');
        const headSha = repo.branches.get(head);
        if (!headSha || !repo.branches.has(base))
          return { status: 422, json: { message: 'Validation Failed' } };
        if (headSha === repo.branches.get(base))
          return { status: 422, json: { message: `No commits between ${base} and ${head}` } };
        if (repo.pulls.some((p) => p.headRef === head && p.state === 'open'))
          return { status: 422, json: { message: `A pull request already exists for ${OWNER}:${head}.` } };
        const invalid = tooLong(body.body);
        if (invalid) return invalid;
        const pull: FakePull = {
          number: repo.nextIssueNumber(),
          headSha,
          baseRef: base,
          headRef: head,
          mergedAt: null,
          mergeCommitSha: null,
          title: String(body.title ?? ''),
          body: String(body.body ?? ''),
          state: 'open',
        };
        repo.pulls.push(pull);
        return { status: 201, json: pullJson(pull) };
      },
    ],
  ];
}
