import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeControls } from '@orgops/engine';
import type { Site } from '@orgops/model';

/** Where a config module failed to load. */
export interface LoadFailure {
  /** `SyntaxError: Expected identifier but found ","`, `ReferenceError: infrastructur is not defined`. */
  readonly summary: string;
  readonly site?: Site;
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
    return {
      summary: `SyntaxError: ${text}`,
      site: { file: file!, line: Number(line), column: Number(column) + 1 },
    };
  }
  const summary = `${e.name}: ${e.message.split('\n')[0]}`;
  for (const raw of (e.stack ?? '').split('\n').slice(1)) {
    const frame = FRAME.exec(raw);
    if (!frame) continue;
    const file = frame[1]!.startsWith('file://') ? fileURLToPath(frame[1]!) : frame[1]!;
    if (NOT_USER.test(file)) continue;
    return {
      summary,
      site: { file: file.replace(/\?.*$/, ''), line: Number(frame[2]), column: Number(frame[3]) },
    };
  }
  return { summary };
}

/**
 * The source line at `site` with a caret under its column, as two indented lines, or undefined
 * when the file cannot be read. Control characters print as escapes (the caret follows them).
 */
export function sourceExcerpt(site: Site): [string, string] | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(site.file, 'utf8').split(/\r?\n/)[site.line - 1];
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const gutter = String(site.line);
  const before = escapeControls(text.slice(0, Math.max(0, site.column - 1)));
  return [
    `    ${gutter} | ${escapeControls(text)}`,
    `    ${' '.repeat(gutter.length)} | ${' '.repeat(before.length)}^`,
  ];
}
