/** Where a config object was defined, so errors can point at the file and line. */
export interface Site {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Stack frames of orgops's own libraries, which a site skips: the site is the user's call to a
 * builder, not the builder. A library frame is its source or build in this repository
 * (`packages/<name>/src/`, `packages/<name>/dist/`) or its installed copy (`@orgops/<name>/`).
 * Library names are package directory names (`guardrails`).
 */
export function libraryFrames(...libraries: readonly string[]): RegExp {
  const names = libraries.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(
    `[\\\\/]packages[\\\\/](?:${names})[\\\\/](?:src|dist)[\\\\/]|@orgops[\\\\/](?:${names})[\\\\/]`,
  );
}

/** The default for captureSite(): the model's own builders. */
export const MODEL_FRAMES: RegExp = libraryFrames('model');

// `at fn (file:line:col)` or `at file:line:col`; the file may be a `file://` URL or a Windows path
// (`C:\…`), whose drive colon the lazy match leaves in the file.
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

/**
 * Frames captured at first: this function, a builder or two, the caller. Serializing a frame costs
 * a source-map lookup, and a generated config of 5,000 accounts captures a site per builder call,
 * so the whole stack (10 frames by default) is only taken when the short one has no caller frame.
 */
const SHORT_STACK = 6;

/**
 * V8's (Node's) stack depth setting; model compiles without Node's types, and on a runtime without it
 * the property is undefined and the whole stack is taken.
 */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

/**
 * Captures the caller's file and line from the stack: the first frame outside the libraries that
 * `skip` matches (build it once with libraryFrames(); a library built on model, such as
 * guardrails, skips its own frames too). `undefined` when the runtime hides the stack.
 */
export function captureSite(skip: RegExp = MODEL_FRAMES): Site | undefined {
  const limit = V8Error.stackTraceLimit;
  if (limit !== undefined && limit > SHORT_STACK) {
    V8Error.stackTraceLimit = SHORT_STACK;
    let stack: string | undefined;
    try {
      stack = new Error().stack;
    } finally {
      V8Error.stackTraceLimit = limit;
    }
    const site = siteInStack(stack, skip);
    if (site) return site;
  }
  return siteInStack(new Error().stack, skip);
}

/** The first frame of `stack` (an `Error().stack`) outside the libraries `skip` matches. */
export function siteInStack(stack: string | undefined, skip: RegExp = MODEL_FRAMES): Site | undefined {
  if (!stack) return undefined;
  for (const raw of stack.split('\n').slice(1)) {
    const line = raw.trim();
    if (!line.startsWith('at ') || skip.test(line) || line.includes('node:')) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, file, lineNo, col] = match;
    return {
      // Vite and tsx may append a query (`?v=1a2b`) to a module URL; the file is without it.
      file: file!.replace(/^file:\/\//, '').replace(/\?.*$/, ''),
      line: Number(lineNo),
      column: Number(col),
    };
  }
  return undefined;
}

export function formatSite(site: Site | undefined, relativeTo?: string): string {
  if (!site) return '';
  const file =
    relativeTo && site.file.startsWith(relativeTo) ? site.file.slice(relativeTo.length + 1) : site.file;
  return `${file}:${site.line}`;
}
