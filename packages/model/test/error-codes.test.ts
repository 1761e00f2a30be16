import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, isErrorCode, OrgopsError } from '../src/index.ts';

const DOC = fileURLToPath(new URL('../ERRORS.md', import.meta.url));
const BEGIN =
  '<!-- error-codes:begin (generated from ERROR_CODES; ORGOPS_WRITE_DOCS=1 pnpm --filter @orgops/model test) -->';
const END = '<!-- error-codes:end -->';

function table(): string {
  const rows = Object.entries(ERROR_CODES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, e]) => `| \`${code}\` | ${e.kind} | ${e.meaning} | ${e.fix} |`);
  return ['| Code | Kind | Meaning | Usual fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('ERROR_CODES', () => {
  it('spells every code in kebab-case', () => {
    const bad = Object.keys(ERROR_CODES).filter((c) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c));
    expect(bad).toEqual([]);
  });

  it('gives every code a one-line meaning and fix without table-breaking characters', () => {
    for (const [code, e] of Object.entries(ERROR_CODES)) {
      for (const text of [e.meaning, e.fix]) {
        expect(text, code).toMatch(/^[^|\n]+\.$/);
      }
    }
  });

  it('is the table in packages/model/ERRORS.md', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `ERRORS.md lacks the marker ${BEGIN}`).toBeGreaterThanOrEqual(0);
    const expected = `${doc.slice(0, start + BEGIN.length)}\n${table()}\n${doc.slice(end)}`;
    if (process.env.ORGOPS_WRITE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });
});

describe('OrgopsError', () => {
  it('takes its source from the catalogue unless the throw site says otherwise', () => {
    expect(new OrgopsError('plan-stale', 'x').source).toBe('user');
    expect(new OrgopsError('unknown-change', 'x').source).toBe('internal');
    expect(new OrgopsError('simulation-account-unknown', 'x', 'internal').source).toBe('internal');
  });

  it('accepts only catalogue codes', () => {
    // @ts-expect-error a free string is not an ErrorCode
    const free: ErrorCode = 'AWS_REGION_MISSING';
    expect(isErrorCode(free)).toBe(false);
    expect(isErrorCode('aws-region-missing')).toBe(true);
  });
});
