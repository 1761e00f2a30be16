/** What every route of the fake shares: the repository it serves and the shape of a handler. */
export const OWNER = 'acme';
export const REPO = 'org-config';
export const R = `/repos/${OWNER}/${REPO}`;
export const re = (pattern: string) => new RegExp(`^${R}${pattern}$`);

export type Handler = (ctx: {
  match: RegExpExecArray;
  query: URLSearchParams;
  body: Record<string, unknown>;
  paginate: (items: unknown[], defaultPerPage?: number) => unknown[];
}) => { status?: number; json?: unknown; raw?: Uint8Array; headers?: Record<string, string> };

export type Route = [string, RegExp, Handler];

const MAX_BODY = 65_536;

/** GitHub's 422 for a comment or pull-request body over 65,536 characters. */
export function tooLong(body: unknown): { status: number; json: unknown } | undefined {
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
