/**
 * Pagination, one loop for every List* call. AWS says to keep following NextToken even after an
 * empty page, so only a missing token ends the loop.
 */

/** Largest MaxResults each service accepts on its list operations. */
export const MAX_PAGE_SIZE = {
  organizations: 20,
  'sso-admin': 100,
  identitystore: 100,
  cloudtrail: 50,
} as const;

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

/** `MaxResults` to send: the service maximum, lowered by the `pageSize` option. */
export function pageSizeFor(service: keyof typeof MAX_PAGE_SIZE, requested: number | undefined): number {
  const max = MAX_PAGE_SIZE[service];
  if (requested === undefined) return max;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${requested}`);
  }
  return Math.min(max, requested);
}

/**
 * Fetch every page. `fetchPage` issues one request (so each page is rate-limited, retried and
 * counted on its own). A token that repeats would loop forever, so it is an error.
 */
export async function collectPages<T>(
  what: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  /** Stop after the page that brings the count to at least this many items. */
  maxItems?: number,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    out.push(...(page.items ?? []));
    token = page.nextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token))
        throw new Error(`${what}: the service returned the same NextToken twice; stopping`);
      seen.add(token);
    }
  } while (token !== undefined && (maxItems === undefined || out.length < maxItems));
  return out;
}
