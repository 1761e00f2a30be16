/** Where a config object was defined, so errors can point at the file and line. */
export interface Site {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// Frames from the model package itself are skipped: the site is the user's call to a builder.
const MODEL_FRAME = /[\\/]packages[\\/]model[\\/]|@orgops[\\/]model[\\/]/;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

/** Captures the caller's file and line from the stack; `undefined` when the runtime hides it. */
export function captureSite(): Site | undefined {
  const stack = new Error().stack;
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
