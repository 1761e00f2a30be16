/** The issue, comment, pull request, workflow run and artifact endpoints of the fake. */
import { contentRoutes } from './content-routes.ts';
import { OWNER, REPO, type Route, re, tooLong } from './route.ts';
import type { FakeComment, FakeIssue, FakePull, FakeRepo, FakeRun } from './state.ts';

export function buildRoutes(repo: FakeRepo, base: () => string): Route[] {
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
