/**
 * A local HTTP fake of the part of GitHub's REST API that orgops uses. Real HTTP on 127.0.0.1,
 * so Octokit's whole request path runs (auth header, pagination by Link header, redirects,
 * retries after rate limits, 422 validation errors). Served under /api/v3 like GitHub
 * Enterprise Server, which proves nothing depends on api.github.com.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blobSha, type FakeComment, type FakeIssue, type FakePull, FakeRepo, type FakeRun } from './state.ts';

export type {
  FakeArtifact,
  FakeComment,
  FakeCommit,
  FakeIssue,
  FakePull,
  FakeRun,
  FakeUser,
} from './state.ts';
export { blobSha, FakeRepo } from './state.ts';

export const FAKE_TOKEN = 'ghs_fake-token';
export const OWNER = 'acme';
export const REPO = 'org-config';
const MAX_BODY = 65_536;

export interface FakeGitHub {
  readonly apiUrl: string;
  readonly repo: FakeRepo;
  /** Answer the next requests matching `method path` with this status and headers, once each. */
  failNext(
    method: string,
    path: RegExp,
    status: number,
    headers?: Record<string, string>,
    times?: number,
  ): void;
  close(): Promise<void>;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers: Record<string, string>;
  times: number;
}

type Handler = (ctx: {
  match: RegExpExecArray;
  query: URLSearchParams;
  body: Record<string, unknown>;
  paginate: (items: unknown[], defaultPerPage?: number) => unknown[];
}) => { status?: number; json?: unknown; raw?: Uint8Array; headers?: Record<string, string> };

export async function startFakeGitHub(repo = new FakeRepo()): Promise<FakeGitHub> {
  const faults: Fault[] = [];
  let base = '';
  const routes: [string, RegExp, Handler][] = buildRoutes(repo, () => base);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v3/, '');
    if (url.pathname.startsWith('/_blobs/')) {
      const artifact = repo.artifacts.find((a) => `/_blobs/${a.id}` === url.pathname);
      if (!artifact) return send(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end(Buffer.from(artifact.zip));
      return;
    }
    repo.requests.push({ method, path: `${path}${url.search}` });
    if (
      req.headers.authorization !== `token ${FAKE_TOKEN}` &&
      req.headers.authorization !== `Bearer ${FAKE_TOKEN}`
    ) {
      return send(res, 401, { message: 'Bad credentials' });
    }
    const fault = faults.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (fault) {
      fault.times--;
      return send(res, fault.status, { message: 'You have exceeded a secondary rate limit.' }, fault.headers);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      : {};
    for (const [m, pattern, handler] of routes) {
      const match = m === method ? pattern.exec(path) : null;
      if (!match) continue;
      const headers: Record<string, string> = {};
      const paginate = (items: unknown[], defaultPerPage = 30): unknown[] => {
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? defaultPerPage));
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(items.length / perPage));
        const link = (p: number, rel: string) => {
          const next = new URL(url.href);
          next.searchParams.set('page', String(p));
          return `<${base}${next.pathname}${next.search}>; rel="${rel}"`;
        };
        if (page < last) headers.link = [link(page + 1, 'next'), link(last, 'last')].join(', ');
        return items.slice((page - 1) * perPage, page * perPage);
      };
      const out = handler({ match, query: url.searchParams, body, paginate });
      if (out.raw) {
        res.writeHead(out.status ?? 200, { ...headers, ...out.headers });
        res.end(Buffer.from(out.raw));
        return;
      }
      return send(res, out.status ?? 200, out.json ?? {}, { ...headers, ...out.headers });
    }
    send(res, 404, { message: `Not Found: ${method} ${path}` });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = origin;
  return {
    apiUrl: `${origin}/api/v3`,
    repo,
    failNext(method, path, status, headers = {}, times = 1) {
      faults.push({ method, path, status, headers, times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(
  res: ServerResponse,
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(status === 204 ? undefined : JSON.stringify(json));
}

const R = `/repos/${OWNER}/${REPO}`;
const re = (pattern: string) => new RegExp(`^${R}${pattern}$`);

function tooLong(body: unknown): { status: number; json: unknown } | undefined {
  if (typeof body === 'string' && body.length <= MAX_BODY) return undefined;
  return {
    status: 422,
    json: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    },
  };
}

function buildRoutes(repo: FakeRepo, base: () => string): [string, RegExp, Handler][] {
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: `https://github.example/${OWNER}/${REPO}/issues/${c.issueNumber}#issuecomment-${c.id}`,
  });
  const issueJson = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name) => ({ name })),
    html_url: `https://github.example/${OWNER}/${REPO}/issues/${i.number}`,
  });
  const pullJson = (p: FakePull) => ({
    number: p.number,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    head: { sha: p.headSha, ref: p.headRef ?? `pr-${p.number}` },
    base: { ref: p.baseRef },
    state: p.state ?? (p.mergedAt ? 'closed' : 'open'),
    title: p.title ?? '',
    body: p.body ?? null,
    html_url: `https://github.example/${OWNER}/${REPO}/pull/${p.number}`,
  });
  const notFound = { status: 404, json: { message: 'Not Found' } };
  const runJson = (r: FakeRun) => ({
    id: r.id,
    run_number: r.runNumber,
    run_attempt: r.runAttempt,
    head_sha: r.headSha,
    head_branch: r.headBranch,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    path: `.github/workflows/${r.workflow}`,
    created_at: r.createdAt,
  });
  const issueOrPull = (n: number) =>
    repo.issues.some((i) => i.number === n) || repo.pulls.some((p) => p.number === n);

  return [
    ...contentRoutes(repo, pullJson, notFound),
    [
      'GET',
      re('/issues/(\\d+)/comments'),
      ({ match, paginate }) => ({ json: paginate(repo.commentsOn(Number(match[1])).map(commentJson)) }),
    ],
    [
      'POST',
      re('/issues/(\\d+)/comments'),
      ({ match, body }) => {
        const n = Number(match[1]);
        if (!issueOrPull(n)) return { status: 404, json: { message: 'Not Found' } };
        const invalid = tooLong(body.body);
        if (invalid) return invalid;
        const now = repo.now();
        const c: FakeComment = {
          id: repo.id(),
          issueNumber: n,
          body: String(body.body),
          user: repo.tokenUser,
          createdAt: now,
          updatedAt: now,
        };
        repo.comments.push(c);
        return { status: 201, json: commentJson(c) };
      },
    ],
    [
      'PATCH',
      re('/issues/comments/(\\d+)'),
      ({ match, body }) => {
        const c = repo.comments.find((x) => x.id === Number(match[1]));
        if (!c) return { status: 404, json: { message: 'Not Found' } };
        const invalid = tooLong(body.body);
        if (invalid) return invalid;
        c.body = String(body.body);
        c.updatedAt = repo.now();
        return { json: commentJson(c) };
      },
    ],
    [
      'GET',
      re('/issues'),
      ({ query, paginate }) => {
        const label = query.get('labels');
        const state = query.get('state') ?? 'open';
        const list = repo.issues.filter(
          (i) => (state === 'all' || i.state === state) && (!label || i.labels.includes(label)),
        );
        return { json: paginate(list.map(issueJson)) };
      },
    ],
    [
      'POST',
      re('/issues'),
      ({ body }) => {
        const invalid = tooLong(body.body);
        if (invalid) return invalid;
        const labels = (body.labels as string[] | undefined) ?? [];
        for (const l of labels) repo.labels.add(l);
        const issue: FakeIssue = {
          number: repo.nextIssueNumber(),
          title: String(body.title),
          body: String(body.body),
          state: 'open',
          stateReason: null,
          labels,
        };
        repo.issues.push(issue);
        return { status: 201, json: issueJson(issue) };
      },
    ],
    [
      'PATCH',
      re('/issues/(\\d+)'),
      ({ match, body }) => {
        const issue = repo.issues.find((i) => i.number === Number(match[1]));
        if (!issue) return { status: 404, json: { message: 'Not Found' } };
        if (body.body !== undefined) {
          const invalid = tooLong(body.body);
          if (invalid) return invalid;
          issue.body = String(body.body);
        }
        if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
        if (typeof body.state_reason === 'string') issue.stateReason = body.state_reason;
        return { json: issueJson(issue) };
      },
    ],
    [
      'GET',
      re('/labels/([^/]+)'),
      ({ match }) =>
        repo.labels.has(decodeURIComponent(match[1] ?? ''))
          ? { json: { name: decodeURIComponent(match[1] ?? '') } }
          : { status: 404, json: { message: 'Not Found' } },
    ],
    [
      'POST',
      re('/labels'),
      ({ body }) => {
        repo.labels.add(String(body.name));
        return { status: 201, json: { name: body.name } };
      },
    ],
    [
      'GET',
      re('/commits/([0-9a-f]{40})/pulls'),
      ({ match, paginate }) => ({
        json: paginate(
          repo.pulls.filter((p) => p.mergeCommitSha === match[1] || p.headSha === match[1]).map(pullJson),
        ),
      }),
    ],
    [
      'GET',
      re('/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})'),
      ({ match, paginate }) => {
        const [, from, to] = match;
        // Every commit reachable from `to` and not from `from`, oldest first.
        const reachable = (start: string): Set<string> => {
          const seen = new Set<string>();
          const stack = [start];
          while (stack.length) {
            const sha = stack.pop() ?? '';
            if (seen.has(sha) || !repo.commits.has(sha)) continue;
            seen.add(sha);
            stack.push(...(repo.commits.get(sha)?.parents ?? []));
          }
          return seen;
        };
        const base = reachable(from ?? '');
        const order = [...repo.commits.keys()];
        const commits = [...reachable(to ?? '')]
          .filter((sha) => !base.has(sha))
          .sort((a, b) => order.indexOf(a) - order.indexOf(b))
          .map((sha) => ({ sha, parents: (repo.commits.get(sha)?.parents ?? []).map((p) => ({ sha: p })) }));
        return { json: { status: 'ahead', total_commits: commits.length, commits: paginate(commits, 250) } };
      },
    ],
    [
      'GET',
      re('/actions/workflows/([^/]+)/runs'),
      ({ match, query, paginate }) => {
        const status = query.get('status');
        const list = repo.runs
          .filter(
            (r) =>
              r.workflow === match[1] &&
              (!query.get('head_sha') || r.headSha === query.get('head_sha')) &&
              (!query.get('branch') || r.headBranch === query.get('branch')) &&
              (!query.get('event') || r.event === query.get('event')) &&
              (!status || r.status === status || r.conclusion === status),
          )
          .sort((a, b) => b.id - a.id);
        return { json: { total_count: list.length, workflow_runs: paginate(list.map(runJson)) } };
      },
    ],
    [
      'GET',
      re('/actions/runs/(\\d+)/artifacts'),
      ({ match, query }) => {
        const list = repo.artifacts.filter(
          (a) => a.runId === Number(match[1]) && (!query.get('name') || a.name === query.get('name')),
        );
        return {
          json: {
            total_count: list.length,
            artifacts: list.map((a) => ({ id: a.id, name: a.name, expired: a.expired })),
          },
        };
      },
    ],
    [
      'GET',
      re('/actions/artifacts/(\\d+)/zip'),
      ({ match }) => ({ status: 302, json: {}, headers: { location: `${base()}/_blobs/${match[1]}` } }),
    ],
  ];
}

/**
 * The endpoints that propose a change: the repository (its default branch), branch refs, file
 * contents read and written per branch (a write is a commit, refused with 409 unless it names the
 * file's current blob), and pull requests listed by head and opened (422 without commits).
 */
function contentRoutes(
  repo: FakeRepo,
  pullJson: (p: FakePull) => unknown,
  notFound: { status: number; json: unknown },
): [string, RegExp, Handler][] {
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
