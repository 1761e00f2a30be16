import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINT_INTERNAL_ERROR, LINT_RULES, SEVERITIES } from '../src/index.ts';

const rulesDir = fileURLToPath(new URL('../src/rules/', import.meta.url));
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('LINT_RULES registry', () => {
  it('has unique kebab-case ids, one-line descriptions and short titles', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LINT_RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.description).not.toContain('\n');
      expect(r.title.length).toBeLessThan(80);
      expect(SEVERITIES).toContain(r.severity);
    }
  });

  it('registers every rule file, one rule per file named after its id', () => {
    const files = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(LINT_RULES.map((r) => r.id).sort());
  });

  it('runs waiver-unused last, after every finding it checks waivers against', () => {
    expect(LINT_RULES.at(-1)?.id).toBe('waiver-unused');
  });

  it('is documented in the README rule table with the right severity', () => {
    const rows = new Map(
      [...readme.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*(error|warning|note)\s*\|/gm)].map(
        (m) => [m[1], m[2]] as const,
      ),
    );
    for (const r of LINT_RULES) expect(rows.get(r.id), r.id).toBe(r.severity);
    expect([...rows.keys()].filter((id) => !LINT_RULES.some((r) => r.id === id))).toEqual([]);
    expect(readme).toContain(`\`${LINT_INTERNAL_ERROR}\``);
  });
});
