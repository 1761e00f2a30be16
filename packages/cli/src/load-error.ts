import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Site } from '@orgops/model';

/** Where a config module failed to load, and the source line there, like a validation error. */
export interface LoadFailure {
  /** `SyntaxError: Expected identifier but found ","`, `ReferenceError: infrastructur is not defined`. */
  readonly summary: string;
  readonly site?: Site;
  /** The source line with a caret under the column, indented for the diagnostic view. */
  readonly excerpt?: string;
}

// esbuild (through tsx) reports syntax errors as `FILE:LINE:COLUMN: ERROR: TEXT`, column 0-based.
const TRANSFORM = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m;
// A V8 stack frame: `at fn (FILE:LINE:COLUMN)` or `at FILE:LINE:COLUMN`, column 1-based.
const FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;
// Frames that are not the user's: dependencies, Node itself, and orgops's own model and loader.
const NOT_USER = /[\\/]node_modules[\\/]|^node:|[\\/]packages[\\/](?:model|cli)[\\/]src[\\/]/;

/**
 * Finds the file, line and column a config module failed at: the position esbuild reports for a
 * syntax error, or the first stack frame in the user's own code for an error thrown while the
 * module ran (stack traces are source-mapped, so these are TypeScript positions).
 */
export function locateLoadFailure(err: unknown): LoadFailure {
  const e = err instanceof Error ? err : new Error(String(err));
  const transform = TRANSFORM.exec(e.message);
  if (transform) {
    const [, file, line, column, text] = transform;
    return withExcerpt(`SyntaxError: ${text}`, file!, Number(line), Number(column) + 1);
  }
  const summary = `${e.name}: ${e.message.split('\n')[0]}`;
  for (const raw of (e.stack ?? '').split('\n').slice(1)) {
    const frame = FRAME.exec(raw);
    if (!frame) continue;
    const file = frame[1]!.startsWith('file://') ? fileURLToPath(frame[1]!) : frame[1]!;
    if (NOT_USER.test(file)) continue;
    return withExcerpt(summary, file.replace(/\?.*$/, ''), Number(frame[2]), Number(frame[3]));
  }
  return { summary };
}

function withExcerpt(summary: string, file: string, line: number, column: number): LoadFailure {
  const site: Site = { file, line, column };
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8').split(/\r?\n/)[line - 1];
  } catch {
    return { summary, site };
  }
  if (text === undefined) return { summary, site };
  const gutter = String(line);
  // Keep tabs under tabs so the caret lines up in any terminal.
  const pad = text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  const excerpt = `    ${gutter} | ${text}\n    ${' '.repeat(gutter.length)} | ${pad}^`;
  return { summary, site, excerpt };
}
