import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, SCHEMA_CODES } from '../src/index.ts';

const rulesDir = fileURLToPath(new URL('../src/validation/rules/', import.meta.url));
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('RULES registry', () => {
  it('has unique kebab-case codes and one-line descriptions', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.description).not.toContain('\n');
      expect(['error', 'warning']).toContain(r.severity);
    }
  });

  it('registers every rule file, one rule per file named after its code', () => {
    const files = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(RULES.map((r) => r.code).sort());
  });

  it('is documented in the README rule table with the right severity', () => {
    // Rows are matched loosely: the formatter pads table cells.
    const rows = new Map(
      [...readme.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*(error|warning)\s*\|/gm)].map(
        (m) => [m[1], m[2]] as const,
      ),
    );
    for (const r of RULES) expect(rows.get(r.code), r.code).toBe(r.severity);
    for (const code of Object.values(SCHEMA_CODES)) expect(readme).toContain(`\`${code}\``);
    expect(readme).toContain('`ou-parent-cycle`');
    expect(readme).toContain('`internal-error`');
  });
});
