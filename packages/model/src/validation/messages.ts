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

/**
 * Characters that are never part of a name or description shown in a review: C0 controls (ESC,
 * BEL, NUL …), DEL, C1 controls, and the bidirectional overrides that reorder how a line reads.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: 'NUL',
  7: 'BEL',
  8: 'BS',
  9: 'TAB',
  10: 'LF',
  11: 'VT',
  12: 'FF',
  13: 'CR',
  27: 'ESC',
  127: 'DEL',
  155: 'CSI',
  8206: 'LRM',
  8207: 'RLM',
  8238: 'RLO',
  8237: 'LRO',
  8294: 'LRI',
  8295: 'RLI',
};

/** `U+001B (ESC), U+0007 (BEL)`: each distinct character once, for messages. */
export function describeCharacters(chars: Iterable<string>): string {
  return [...new Set(chars)]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      const name = CONTROL_NAMES[code];
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
    })
    .join(', ');
}

/** The control characters in `text`, with tab, LF and CR allowed when `multiline`. */
export function controlCharacters(text: string, multiline = false): string[] {
  return [...text.matchAll(CONTROL_CHARACTERS)]
    .map((m) => m[0])
    .filter((ch) => !(multiline && (ch === '\t' || ch === '\n' || ch === '\r')));
}

/** `text` with its control characters removed (tab, LF and CR kept when `multiline`), for fixes. */
export function withoutControlCharacters(text: string, multiline = false): string {
  return text.replace(CONTROL_CHARACTERS, (ch) =>
    multiline && (ch === '\t' || ch === '\n' || ch === '\r') ? ch : '',
  );
}

/** A name or value inside a message: quoted, every control character escaped, so it cannot steer a terminal. */
export function quoted(text: string, max = 60): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(clipped).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
