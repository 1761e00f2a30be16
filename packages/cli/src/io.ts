/**
 * Where output goes. Results (plans, JSON) go to stdout so they can be piped; progress and
 * diagnostics go to stderr. Colour only on a TTY and never with NO_COLOR (https://no-color.org).
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  progress(text: string): void;
  readonly color: boolean;
  readonly interactive: boolean;
  /** Asks a question on the terminal; undefined when there is no terminal. */
  ask?(question: string): Promise<string>;
}

export function processIo(env: NodeJS.ProcessEnv = process.env): Io {
  const color = Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const errColor = Boolean(process.stderr.isTTY) && !env.NO_COLOR;
  const quiet = env.ORGOPS_QUIET === '1';
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => {
      if (!quiet) process.stderr.write(`${errColor ? '\x1b[2m' : ''}${text}${errColor ? '\x1b[0m' : ''}\n`);
    },
    color,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    ask: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

/** Collects output in memory, for tests. */
export function memoryIo(
  options: { interactive?: boolean; answer?: string } = {},
): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    color: false,
    interactive: options.interactive ?? false,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
    progress(text: string) {
      io.stderr += `${text}\n`;
    },
    ask: async () => options.answer ?? '',
  };
  return io;
}

export const paint = {
  bold: (on: boolean, s: string) => (on ? `\x1b[1m${s}\x1b[0m` : s),
  red: (on: boolean, s: string) => (on ? `\x1b[31m${s}\x1b[0m` : s),
  yellow: (on: boolean, s: string) => (on ? `\x1b[33m${s}\x1b[0m` : s),
  green: (on: boolean, s: string) => (on ? `\x1b[32m${s}\x1b[0m` : s),
  dim: (on: boolean, s: string) => (on ? `\x1b[2m${s}\x1b[0m` : s),
};
