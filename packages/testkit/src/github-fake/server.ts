/**
 * A local HTTP fake of the part of GitHub's REST API that orgops uses. Real HTTP on 127.0.0.1,
 * so Octokit's whole request path runs (auth header, pagination by Link header, redirects,
 * retries after rate limits, 422 validation errors). Served under /api/v3 like GitHub
 * Enterprise Server, which proves nothing depends on api.github.com.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from './route.ts';
import { buildRoutes } from './routes.ts';
import { FakeRepo } from './state.ts';

export { OWNER, REPO } from './route.ts';

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

export async function startFakeGitHub(repo = new FakeRepo()): Promise<FakeGitHub> {
  const faults: Fault[] = [];
  let base = '';
  const routes: Route[] = buildRoutes(repo, () => base);

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
