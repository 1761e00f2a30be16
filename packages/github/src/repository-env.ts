import { OrgopsError } from '@orgops/model';
import type { ActionsEnv } from './env.ts';

/** What opening a pull request needs: the API, a token and the repository; nothing of a workflow run. */
export type RepositoryEnv = Pick<ActionsEnv, 'apiUrl' | 'token' | 'owner' | 'repo'>;

/**
 * The repository environment, from the standard variables, for commands that also run outside
 * GitHub Actions (a responder's terminal): `GITHUB_TOKEN`, `GITHUB_REPOSITORY` (owner/name) and
 * `GITHUB_API_URL` (default https://api.github.com; set it for GitHub Enterprise Server). Every
 * problem is named at once.
 */
export function readRepositoryEnv(env: NodeJS.ProcessEnv, command: string): RepositoryEnv {
  const problems: string[] = [];
  const token = env.GITHUB_TOKEN?.trim() ?? '';
  const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
  const apiUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  if (!token)
    problems.push(
      '  GITHUB_TOKEN is not set: a token that may push a branch and open a pull request (contents: write, pull-requests: write).',
    );
  const [owner, repo, extra] = repository.split('/');
  if (!repository)
    problems.push('  GITHUB_REPOSITORY is not set: the repository of this config, as owner/name.');
  else if (!owner || !repo || extra !== undefined)
    problems.push(`  GITHUB_REPOSITORY is '${repository}'; expected owner/name.`);
  if (!/^https?:\/\//.test(apiUrl))
    problems.push(`  GITHUB_API_URL is '${apiUrl}'; expected an http(s) URL.`);
  if (problems.length) {
    throw new OrgopsError(
      'github-env-incomplete',
      `\`orgops ${command}\` opens a pull request and needs:\n${problems.join('\n')}`,
    );
  }
  return { apiUrl, token, owner: owner ?? '', repo: repo ?? '' };
}
