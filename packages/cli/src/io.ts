import type { Interface } from 'node:readline';

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
  /**
   * Asks a question on the terminal; the method is absent when there is no terminal. Resolves to
   * `undefined` when the user interrupts (Ctrl-C) or closes the input (Ctrl-D) instead of answering.
   */
  ask?(question: string): Promise<string | undefined>;
  /**
   * Calls `handler` on the first interrupt (SIGINT) until the returned function is called; a
   * second interrupt ends the process at once with exit code 130.
   */
  onInterrupt?(handler: () => void): () => void;
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
      const { createInterface } = await import('node:readline');
      return askOnce(createInterface({ input: process.stdin, output: process.stderr }), question);
    },
    onInterrupt(handler) {
      let interrupts = 0;
      const listener = () => {
        interrupts += 1;
        if (interrupts > 1) process.exit(130);
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  };
}

/**
 * One question on a readline interface, closed afterwards. Ctrl-C at the prompt (readline's SIGINT
 * in raw mode) and end of input resolve to `undefined`, never to a rejected promise.
 */
export function askOnce(rl: Interface, question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      rl.close();
    };
    rl.on('SIGINT', () => finish(undefined));
    rl.on('close', () => finish(undefined));
    rl.question(question, (answer) => finish(answer));
  });
}

/** Collects output in memory, for tests. `answer: null` answers the prompt with Ctrl-C. */
export function memoryIo(
  options: { interactive?: boolean; answer?: string | null; onProgress?: (line: string) => void } = {},
): Io & { stdout: string; stderr: string; interrupt(): void } {
  const handlers = new Set<() => void>();
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
      options.onProgress?.(text);
    },
    ask: async () => (options.answer === null ? undefined : (options.answer ?? '')),
    onInterrupt(handler: () => void) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    /** What a Ctrl-C does to the process. */
    interrupt() {
      for (const h of [...handlers]) h();
    },
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
