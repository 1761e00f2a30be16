import { LIMITS_VERSION } from '../limits.ts';

/** Appended to every message that quotes a number from the limits table, so stale limits are visible. */
export const LIMITS_NOTE = `(AWS limit, orgops limits table ${LIMITS_VERSION})`;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function quoteList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).map((s) => `"${s}"`);
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}
