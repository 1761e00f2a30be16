import { CONTROL_CHARACTERS } from '@orgops/model/testing';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, type LintFinding } from '../src/index.ts';
import { lint } from './fixture.ts';
import { accessCases } from './rule-cases/access.ts';
import type { LintCase } from './rule-cases/case.ts';
import { catalogueCases } from './rule-cases/catalogue.ts';
import { organizationCases } from './rule-cases/organization.ts';

const CASES: LintCase[] = [...catalogueCases, ...accessCases, ...organizationCases];

const where = (fs: readonly LintFinding[]) => JSON.stringify(fs.map((f) => [f.rule, f.path]));

describe.each(LINT_RULES.map((rule) => [rule.id, rule] as const))('lint rule %s', (id, rule) => {
  const cases = CASES.filter((c) => c.rule === id);

  it('has at least one compliant / non-compliant pair', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('compliant: no open finding', async () => {
      const report = await lint(c.compliant());
      expect(where(report.findings)).toBe('[]');
    });

    it('non-compliant: reports the rule at the exact path with a fix, and nothing else', async () => {
      const { config, site } = c.nonCompliant();
      const report = await lint(config);
      const hit = report.findings.find((f) => f.rule === id && f.path === c.path);
      expect(hit, `no ${id} at ${c.path}; got ${where(report.findings)}`).toBeDefined();
      if (!hit) return;
      expect(hit.severity).toBe(rule.severity);
      expect(hit.fix).toContain(c.fix);
      if (c.message) expect(hit.message).toMatch(c.message);
      if ('value' in c) expect(hit.value).toEqual(c.value);
      if (c.subject) expect(hit.subject.key).toBe(c.subject);
      if (site) expect(hit.site).toEqual(site);
      expect(report.findings.filter((f) => f.rule !== id && !(c.alsoReports ?? []).includes(f.rule))).toEqual(
        [],
      );
      for (const f of report.findings)
        expect(`${f.message}${f.path}${f.fix}`).not.toMatch(CONTROL_CHARACTERS);
    });
  });
});

it('every case names a registered rule', () => {
  const ids = new Set(LINT_RULES.map((r) => r.id));
  expect(CASES.filter((c) => !ids.has(c.rule)).map((c) => c.rule)).toEqual([]);
});
