/**
 * Terminal-safe text. Names, tags and descriptions come from the organization: anyone who can
 * name an OU can put ESC, BEL, a newline or a right-to-left override in it. Printed raw, ESC
 * sequences recolor or rewrite the terminal, a newline forges a plan line, and bidi controls
 * reorder what a reviewer reads. Every such character becomes a visible escape instead.
 */

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, zero-width
// characters, the line and paragraph separators, and the byte-order mark.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Replaces every control or invisible formatting character with a visible escape (`\n`, `\x1b`,
 * `\u202e`), so organization data prints as exactly one inert line.
 *
 * @example
 * escapeControls('Prod\u001b[2J') // 'Prod\\x1b[2J'
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
