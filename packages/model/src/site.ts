/** Where a config object was defined, so errors can point at the file and line. */
export interface Site {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// Frames from the model package itself are skipped: the site is the user's call to a builder.
const MODEL_FRAME = /[\\/]packages[\\/]model[\\/]|@orgops[\\/]model[\\/]/;
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

/** Captures the caller's file and line from the stack; `undefined` when the runtime hides it. */
export function captureSite(): Site | undefined {
  const limit = V8Error.stackTraceLimit;
  if (limit !== undefined && limit > SHORT_STACK) {
    V8Error.stackTraceLimit = SHORT_STACK;
    let stack: string | undefined;
    try {
      stack = new Error().stack;
    } finally {
      V8Error.stackTraceLimit = limit;
    }
    const site = siteIn(stack);
    if (site) return site;
  }
  return siteIn(new Error().stack);
}

function siteIn(stack: string | undefined): Site | undefined {
  if (!stack) return undefined;
  for (const raw of stack.split('\n').slice(1)) {
    const line = raw.trim();
    if (!line.startsWith('at ') || MODEL_FRAME.test(line) || line.includes('node:')) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, file, lineNo, col] = match;
    return {
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
