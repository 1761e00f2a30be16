import type { Interface } from 'node:readline';
import { colorFor, paint } from './color.ts';

/**
 * Where output goes. Results (plans, JSON) go to stdout so they can be piped; progress and
 * diagnostics go to stderr. Each stream is coloured on its own terms (`colorFor`): `color` for
 * stdout, `errColor` for stderr.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  progress(text: string): void;
  readonly color: boolean;
  readonly errColor: boolean;
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

/** A stream orgops writes to: `process.stdout`/`process.stderr`, or a stand-in in tests. */
export interface OutStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Writes lines to a stream until its reader goes away. `orgops … | head` closes the pipe early;
 * the write then fails with EPIPE (asynchronously, as an 'error' event that would otherwise end
 * the process with a stack trace). The rest of the output has nowhere to go, so it is dropped and
 * the command finishes as it would have: an apply still completes and reports through its exit code.
 */
export function lineWriter(stream: OutStream): (text: string) => void {
  let closed = false;
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

export function processIo(
  env: NodeJS.ProcessEnv = process.env,
  streams: { readonly stdout: OutStream; readonly stderr: OutStream } = process,
): Io {
  const color = colorFor(streams.stdout, env);
  const errColor = colorFor(streams.stderr, env);
  const quiet = env.ORGOPS_QUIET === '1';
  const out = lineWriter(streams.stdout);
  const err = lineWriter(streams.stderr);
  return {
    out,
    err,
    progress: (text) => {
      if (!quiet) err(paint.dim(errColor, text));
    },
    color,
    errColor,
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
    errColor: false,
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
