import { painter, type Tone } from '@orgops/engine';

/** The stream facts the colour decision needs; `process.stdout` and `process.stderr` have them. */
export interface StreamFacts {
  readonly isTTY?: boolean;
}

/**
 * Whether to colour what goes to one stream: only a terminal, never with NO_COLOR set to anything
 * but the empty string (https://no-color.org) and never on TERM=dumb, whose terminals show escape
 * codes as text. Decided per stream: `orgops plan > file` still colours the progress on stderr.
 */
export function colorFor(stream: StreamFacts, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

const tone =
  (t: Tone) =>
  (on: boolean, text: string): string =>
    painter(on)(t, text);

/** The CLI's own messages, painted with the engine's codes; `on` is the stream's `colorFor`. */
export const paint = {
  bold: tone('strong'),
  red: tone('remove'),
  yellow: tone('change'),
  green: tone('add'),
  dim: tone('note'),
};
