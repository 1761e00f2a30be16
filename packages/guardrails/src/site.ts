import type { Site } from '@orgops/model';

// The model's captureSite() skips only model frames; a policy built here should point at the
// organization's own file (policies/src/…) that called the building block, not at this library.
const LIBRARY_FRAME = /[\\/]packages[\\/](model|guardrails)[\\/]src[\\/]|@orgops[\\/](model|guardrails)[\\/]/;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

/** The first stack frame outside @orgops/model and @orgops/guardrails, when the runtime shows one. */
export function callerSite(): Site | undefined {
  const stack = new Error().stack;
  if (!stack) return undefined;
  for (const raw of stack.split('\n').slice(1)) {
    const line = raw.trim();
    if (!line.startsWith('at ') || LIBRARY_FRAME.test(line) || line.includes('node:')) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, file, lineNo, col] = match;
    return { file: file!.replace(/^file:\/\//, ''), line: Number(lineNo), column: Number(col) };
  }
  return undefined;
}
