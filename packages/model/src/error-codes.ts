import { AWS_ERROR_CODES } from './error-codes/aws.ts';
import { CLI_ERROR_CODES } from './error-codes/cli.ts';
import type { ErrorCodeEntry } from './error-codes/entry.ts';
import { GITHUB_ERROR_CODES } from './error-codes/github.ts';
import { GUARDRAIL_ERROR_CODES } from './error-codes/guardrails.ts';
import { PLAN_ERROR_CODES } from './error-codes/plan.ts';
import { QUARANTINE_ERROR_CODES } from './error-codes/quarantine.ts';
import { SANDBOX_ERROR_CODES } from './error-codes/sandbox.ts';
import { SIMULATION_ERROR_CODES } from './error-codes/simulation.ts';

export type { ErrorCodeEntry } from './error-codes/entry.ts';

/**
 * Every `OrgopsError` code, kebab-case, with its kind, meaning and usual fix. Codes are stable:
 * scripts and CI key on them, so a rename is a user-facing change (changeset). `OrgopsError`
 * takes only these codes, so a new one must be documented here; packages/model/ERRORS.md is the
 * table a test keeps equal to this catalogue.
 */
export const ERROR_CODES = {
  ...AWS_ERROR_CODES,
  ...CLI_ERROR_CODES,
  ...GITHUB_ERROR_CODES,
  ...GUARDRAIL_ERROR_CODES,
  ...PLAN_ERROR_CODES,
  ...QUARANTINE_ERROR_CODES,
  ...SANDBOX_ERROR_CODES,
  ...SIMULATION_ERROR_CODES,
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
