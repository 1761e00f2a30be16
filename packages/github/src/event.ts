import { readFileSync } from 'node:fs';
import { OrgopsError } from '@orgops/model';
import type { ActionsEnv } from './env.ts';

/** The parts of the event payloads orgops reads. */
export interface PullRequestEvent {
  readonly number: number;
  readonly headSha: string;
  readonly headRepo: string | undefined;
}

function payload(env: ActionsEnv): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(env.eventPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new OrgopsError(
      'github-event-unreadable',
      `Cannot read the event payload at GITHUB_EVENT_PATH (${env.eventPath}): ${(err as Error).message}. The Actions runner writes it; run orgops inside a workflow step.`,
    );
  }
}

/** The pull request of a `pull_request` event; a clear error for any other event. */
export function pullRequestEvent(env: ActionsEnv, command: string): PullRequestEvent {
  if (env.eventName !== 'pull_request') {
    throw new OrgopsError(
      'github-wrong-event',
      `\`orgops ${command}\` runs on pull_request events; this run is a ${env.eventName} event. Call it from .github/workflows/plan.yml.`,
    );
  }
  const pr = payload(env).pull_request as
    | { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } | null } }
    | undefined;
  if (typeof pr?.number !== 'number' || typeof pr.head?.sha !== 'string') {
    throw new OrgopsError(
      'github-event-invalid',
      `The pull_request payload at ${env.eventPath} has no pull_request.number or pull_request.head.sha.`,
    );
  }
  const fullName = pr.head.repo?.full_name;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRepo: typeof fullName === 'string' ? fullName : undefined,
  };
}

/** The inputs of a `workflow_dispatch` event (strings, as GitHub sends them). */
export function dispatchInputs(env: ActionsEnv): Readonly<Record<string, string>> {
  const inputs = payload(env).inputs;
  if (!inputs || typeof inputs !== 'object') return {};
  return Object.fromEntries(
    Object.entries(inputs as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : String(v),
    ]),
  );
}
