/** GitHub refuses an issue or comment body over this many characters ("Body is too long"). */
export const COMMENT_MAX_CHARS = 65_536;
/** A job summary over this many bytes per step is not shown. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** Cuts text at a line boundary to at most `maxChars`, ending with `note` when it had to cut. */
export function fitChars(text: string, maxChars: number, note: string): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n', Math.max(0, maxChars - note.length - 1));
  return `${text.slice(0, Math.max(0, cut))}\n${note}`;
}
