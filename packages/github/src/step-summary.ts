import { appendFileSync, existsSync, statSync } from 'node:fs';
import { STEP_SUMMARY_MAX_BYTES } from './limits.ts';

const CUT_NOTE =
  '\n\n_The job summary was cut to fit GitHub’s 1 MiB limit; the plan artifact has everything._\n';

/**
 * Cuts markdown at a line boundary so it fits `maxBytes` of UTF-8, ending with a note when cut.
 * The limit is in bytes, and names may be multi-byte, so characters are not a safe measure.
 */
export function fitBytes(markdown: string, maxBytes: number, note = CUT_NOTE): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const room = maxBytes - Buffer.byteLength(note);
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (used + size > room) break;
    kept.push(line);
    used += size;
  }
  return `${kept.join('\n')}${note}`;
}

/** Appends to the step's job summary, never taking the file past GitHub's 1 MiB per step. */
export function writeStepSummary(path: string, markdown: string): void {
  const used = existsSync(path) ? statSync(path).size : 0;
  appendFileSync(path, fitBytes(`${markdown.trimEnd()}\n`, Math.max(0, STEP_SUMMARY_MAX_BYTES - used)));
}
