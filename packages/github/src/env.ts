import { OrgopsError } from '@orgops/model';

/** The standard GitHub Actions variables `orgops github …` reads, with who sets each one. */
export const ACTIONS_VARIABLES = {
  GITHUB_API_URL:
    'the Actions runner (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server)',
  GITHUB_TOKEN:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, shown to the user.
    'the workflow step: add `env: GITHUB_TOKEN: ${{ github.token }}` (the runner does not export it by itself)',
  GITHUB_REPOSITORY: 'the Actions runner (owner/name)',
  GITHUB_EVENT_NAME: 'the Actions runner (pull_request, push, schedule, workflow_dispatch)',
  GITHUB_EVENT_PATH: 'the Actions runner (a JSON file with the event payload)',
  GITHUB_SHA: 'the Actions runner (the commit the workflow runs on)',
  GITHUB_STEP_SUMMARY: 'the Actions runner (the job summary file of the step)',
  GITHUB_RUN_ID: 'the Actions runner (the id of this workflow run)',
  GITHUB_RUN_ATTEMPT: 'the Actions runner (the attempt number of this run)',
} as const;

export type ActionsVariable = keyof typeof ACTIONS_VARIABLES;

/** The Actions environment, validated. */
export interface ActionsEnv {
  readonly apiUrl: string;
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly eventName: string;
  readonly eventPath: string;
  readonly sha: string;
  readonly stepSummary: string;
  readonly runId: number;
  readonly runAttempt: number;
  /** https://github.com or the GHES host, for links in comments; derived from the API URL when unset. */
  readonly serverUrl: string;
  /** refs/heads/main on push and dispatch runs. */
  readonly ref: string | undefined;
}

/**
 * Reads and checks the Actions environment. Every missing or malformed variable is named at
 * once, with what normally sets it, so a misconfigured workflow is fixed in one go.
 */
export function readActionsEnv(env: NodeJS.ProcessEnv, command: string): ActionsEnv {
  const problems: string[] = [];
  const get = (name: ActionsVariable): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`  ${name} is not set; it is set by ${ACTIONS_VARIABLES[name]}.`);
    return value ?? '';
  };
  const apiUrl = get('GITHUB_API_URL');
  const token = get('GITHUB_TOKEN');
  const repository = get('GITHUB_REPOSITORY');
  const values = {
    eventName: get('GITHUB_EVENT_NAME'),
    eventPath: get('GITHUB_EVENT_PATH'),
    sha: get('GITHUB_SHA'),
    stepSummary: get('GITHUB_STEP_SUMMARY'),
  };
  const runId = get('GITHUB_RUN_ID');
  const runAttempt = get('GITHUB_RUN_ATTEMPT');
  const [owner, repo, extra] = repository.split('/');
  if (repository && (!owner || !repo || extra !== undefined))
    problems.push(`  GITHUB_REPOSITORY is '${repository}'; expected owner/name.`);
  if (apiUrl && !/^https?:\/\//.test(apiUrl))
    problems.push(`  GITHUB_API_URL is '${apiUrl}'; expected an http(s) URL.`);
  for (const [name, value] of [
    ['GITHUB_RUN_ID', runId],
    ['GITHUB_RUN_ATTEMPT', runAttempt],
  ] as const) {
    if (value && !/^\d+$/.test(value)) problems.push(`  ${name} is '${value}'; expected a number.`);
  }
  if (problems.length) {
    throw new OrgopsError(
      'github-env-incomplete',
      `\`orgops ${command}\` runs in GitHub Actions and needs its environment:\n${problems.join('\n')}\nRun it from the workflows in .github/workflows (see the README, "Run it in your organization").`,
    );
  }
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    token,
    owner: owner ?? '',
    repo: repo ?? '',
    ...values,
    runId: Number(runId),
    runAttempt: Number(runAttempt),
    serverUrl: (env.GITHUB_SERVER_URL?.trim() || serverFromApi(apiUrl)).replace(/\/+$/, ''),
    ref: env.GITHUB_REF?.trim() || undefined,
  };
}

function serverFromApi(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.protocol}//${url.host}`;
}

/** Link to a workflow run, for comments and summaries. */
export function runUrl(env: ActionsEnv, runId = env.runId): string {
  return `${env.serverUrl}/${env.owner}/${env.repo}/actions/runs/${runId}`;
}
