import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/index.ts';

// The workspace's source: every package's src/ and the organization's config packages. Tests and
// test support may print made-up codes; what ships may not.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIRS = [
  ...readdirSync(`${ROOT}packages`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `packages/${d.name}/src`),
  'accounts/src',
  'policies/src',
];
const SHIPPED = /\.(ts|mts|mjs|js)$/;
const NOT_SHIPPED = /\.test\.ts$|\.test-support\.ts$|[\\/]testing[\\/]/;

const CODE = '([a-z0-9]+(?:-[a-z0-9]+)+)';
/** `new OrgopsError('code'`, and a subclass's `super('code'`. */
const THROWN = new RegExp(`(?:new\\s+OrgopsError|super)\\(\\s*['"\`]${CODE}['"\`]`, 'g');
/** A message printed as `error [code] …` or `warning [code] …`, colour calls between included. */
const PRINTED = new RegExp(`\\b(?:error|warning)\\b[^\\w\\n[]{0,8}\\[${CODE}\\]`, 'g');

/** The error codes a source file throws or prints literally. */
function codesIn(source: string): string[] {
  return [...source.matchAll(THROWN), ...source.matchAll(PRINTED)].map((m) => m[1]!);
}

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) => {
    let entries: string[];
    try {
      entries = readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return entries
      .filter((f) => SHIPPED.test(f) && !NOT_SHIPPED.test(f) && !f.split(/[\\/]/).includes('node_modules'))
      .map((f) => `${dir}/${f}`);
  });
}

describe('codes used in the source', () => {
  it('finds thrown and printed codes, and nothing else in brackets', () => {
    const source = [
      "throw new OrgopsError(\n  'plan-stale',",
      "super('async-failed', message);",
      `io.err(\`\${paint.red(io.errColor, 'error')} [made-up-code] text\`);`,
      'io.err("warning [not-in-catalogue] text");',
      "const path = 'root.policies[deny-root-user].content';",
      `io.err(\`\${label} [\${d.code}] \${message}\`);`,
    ].join('\n');
    expect(codesIn(source)).toEqual(['plan-stale', 'async-failed', 'made-up-code', 'not-in-catalogue']);
  });

  it('are all in ERROR_CODES (and so in ERRORS.md)', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const missing = files.flatMap((file) =>
      codesIn(readFileSync(`${ROOT}${file}`, 'utf8'))
        .filter((code) => !isErrorCode(code))
        .map((code) => `${file}: ${code}`),
    );
    expect(missing).toEqual([]);
  });
});
