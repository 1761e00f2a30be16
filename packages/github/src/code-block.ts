import { escapeControls } from '@orgops/engine';

/** Text as a fenced code block that nothing inside can close, with control characters visible. */
export function codeBlock(text: string): string {
  const body = escapeControls(text.replace(/\r?\n/g, '\u0000')).replace(/\\x00/g, '\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}
