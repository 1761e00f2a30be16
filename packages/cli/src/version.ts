import { readFileSync } from 'node:fs';

/** The CLI's own version, written into every plan so apply can refuse a plan from another version. */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
