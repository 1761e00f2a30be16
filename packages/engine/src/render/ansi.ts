/**
 * Tones the views use, and the only place orgops's ANSI escape codes live: the engine renderers and
 * the CLI's own messages both paint through `painter`. Whether to paint is the caller's decision
 * (the CLI decides per stream, in cli/src/color.ts); the engine never looks at a terminal.
 */
export type Tone = 'add' | 'remove' | 'change' | 'info' | 'note' | 'strong' | 'plain';

const CODES: Readonly<Record<Tone, readonly [string, string] | undefined>> = {
  add: ['\u001b[32m', '\u001b[39m'],
  remove: ['\u001b[31m', '\u001b[39m'],
  change: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  note: ['\u001b[2m', '\u001b[22m'],
  strong: ['\u001b[1m', '\u001b[22m'],
  plain: undefined,
};

/** A painter bound to one render call, so color is an option and never global state. */
export type Paint = (tone: Tone, text: string) => string;

export function painter(color: boolean): Paint {
  if (!color) return (_tone, text) => text;
  return (tone, text) => {
    const codes = CODES[tone];
    return codes && text ? `${codes[0]}${text}${codes[1]}` : text;
  };
}

/** Matches any ANSI escape sequence; used by tests and by width calculations. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
export const ANSI_PATTERN = /\u001b\[[0-9;]*m/g;
