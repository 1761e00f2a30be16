import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

/**
 * orgops's coded errors. `source` says whose move it is: `user` errors (bad config, stale plan,
 * missing intent) are fixed by the person running orgops; `internal` ones are bugs or AWS
 * failures. The CLI has one catch that maps them to exit code 1 and prints `code` and `message`.
 * `code` comes from ERROR_CODES; `source` defaults to the code's kind there.
 */
export type ErrorSource = 'user' | 'internal';

export class OrgopsError extends Error {
  override readonly name: string = 'OrgopsError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly source: ErrorSource = ERROR_CODES[code].kind,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isOrgopsError(err: unknown): err is OrgopsError {
  return err instanceof OrgopsError;
}
