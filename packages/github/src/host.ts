import type { Plan, ReviewFinding } from '@orgops/engine';
import type { Backend } from '@orgops/live';
import type { ClientOptions } from './client.ts';

/**
 * What the GitHub commands need from the CLI: planning with the user's config and backend,
 * reading plan files through the CLI's integrity checks, and applying with its reporting. The
 * CLI implements it; tests implement it over an in-memory sandbox.
 */
export interface PipelineHost {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly io: {
    out(text: string): void;
    err(text: string): void;
    progress(text: string): void;
  };
  /** Reads a plan file written by `orgops plan --out`, refusing a malformed or altered one. */
  readPlanFile(path: string): Plan;
  /** Parses plan text from an artifact with the same checks; `name` is used in messages. */
  parsePlanText(text: string, name: string): Plan;
  /** Loads the config, reads the organization and plans. */
  makePlan(): Promise<{ readonly plan: Plan; readonly backend: Backend }>;
  /** Applies a plan, printing progress; returns whether it completed and a report. */
  applyPlan(plan: Plan, backend: Backend): Promise<{ readonly ok: boolean; readonly report: string }>;
  /**
   * `orgops lint`'s findings on the config, for the review's "Lint findings" section; absent when
   * the host does not lint (the section is then left out).
   */
  lintFindings?(): Promise<readonly ReviewFinding[]>;
  /** For tests: Octokit options (request spacing). */
  readonly client?: ClientOptions;
}
