import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { ActionsEnv } from './env.ts';

/**
 * Octokit with request throttling and retries. Typed as the plain REST client: the plugins add
 * behaviour, not methods we call, and the inferred plugin type names modules inside pnpm's store,
 * which a declaration file cannot (TS2742).
 */
const GitHubClient: typeof Octokit = Octokit.plugin(throttling, retry);
export type GitHub = Octokit;

export interface ClientOptions {
  /**
   * Follow GitHub's guidance on request spacing (one content-creating request at a time, a
   * pause between them) and retry rate-limited requests after `retry-after`. On by default;
   * tests of many writes in one process turn the spacing off.
   */
  readonly throttle?: boolean;
  /** Where Octokit's warnings go (stderr in the CLI). */
  readonly warn?: (message: string) => void;
}

/** Retries per request after a rate limit: GitHub asks to back off, not to give up at once. */
const RATE_LIMIT_RETRIES = 3;

/**
 * An Octokit client for the repository of the workflow, at `GITHUB_API_URL` (GitHub.com or an
 * Enterprise Server; never a hard-coded host), authenticated with the job's token.
 */
export function createGitHub(env: Pick<ActionsEnv, 'apiUrl' | 'token'>, options: ClientOptions = {}): GitHub {
  const warn = options.warn ?? (() => {});
  return new GitHubClient({
    auth: env.token,
    baseUrl: env.apiUrl,
    userAgent: 'orgops',
    log: { debug: () => {}, info: () => {}, warn, error: warn },
    throttle: {
      enabled: options.throttle !== false,
      onRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _o: unknown,
        count: number,
      ) => {
        warn(`GitHub rate limit on ${request.method} ${request.url}; retrying after ${retryAfter} s.`);
        return count < RATE_LIMIT_RETRIES;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _o: unknown,
        count: number,
      ) => {
        warn(
          `GitHub secondary rate limit on ${request.method} ${request.url}; retrying after ${retryAfter} s.`,
        );
        return count < RATE_LIMIT_RETRIES;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451] },
  });
}

/** The repository coordinates every call needs. */
export function repoOf(env: Pick<ActionsEnv, 'owner' | 'repo'>): { owner: string; repo: string } {
  return { owner: env.owner, repo: env.repo };
}
