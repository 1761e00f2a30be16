import { describe, expect, it } from 'vitest';
import { type Diagnostic, RULES, validateConfig } from '../src/index.ts';
import { CONTROL_CHARACTERS } from '../src/testing/index.ts';
import { accountCases } from './rule-cases/accounts.ts';
import { assignmentCases } from './rule-cases/assignments.ts';
import type { RuleCase } from './rule-cases/case.ts';
import { managementPolicyCases } from './rule-cases/management-policies.ts';
import { nameCases } from './rule-cases/names.ts';
import { ouCases } from './rule-cases/organizational-units.ts';
import { permissionSetCases } from './rule-cases/permission-sets.ts';
import { policyCases } from './rule-cases/policies.ts';
import { policyStatementCases } from './rule-cases/policy-statements.ts';
import { quarantineCases } from './rule-cases/quarantine.ts';
import { referenceCases } from './rule-cases/references.ts';
import { tagCases } from './rule-cases/tags.ts';

const CASES: RuleCase[] = [
  ...accountCases,
  ...ouCases,
  ...policyCases,
  ...policyStatementCases,
  ...managementPolicyCases,
  ...permissionSetCases,
  ...assignmentCases,
  ...referenceCases,
  ...tagCases,
  ...nameCases,
  ...quarantineCases,
];

const all = (r: ReturnType<typeof validateConfig>): readonly Diagnostic[] =>
  r.ok ? r.warnings : [...r.errors, ...r.warnings];

describe.each(RULES.map((rule) => [rule.code, rule] as const))('rule %s', (code, rule) => {
  const cases = CASES.filter((c) => c.code === code);

  it('has at least one compliant / non-compliant pair', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it('compliant: validates without this finding', () => {
      const result = validateConfig(c.compliant());
      const unexpected = all(result).filter((d) => !(c.compliantAllows ?? []).includes(d.code));
      expect(unexpected).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('non-compliant: reports the code at the exact path with a fix', () => {
      const { config, site } = c.nonCompliant();
      const result = validateConfig(config);
      const found = all(result);
      const mine = found.filter((d) => d.code === code);
      const hit = mine.find((d) => d.path === c.path);
      expect(
        hit,
        `no ${code} at ${c.path}; got ${JSON.stringify(found.map((d) => [d.code, d.path]))}`,
      ).toBeDefined();
      expect(hit!.severity).toBe(rule.severity);
      expect(hit!.fix).toContain(c.fix);
      if (c.message) expect(hit!.message).toMatch(c.message);
      if ('value' in c) expect(hit!.value).toEqual(c.value);
      if (site) expect(hit!.site).toEqual(site);
      expect(found.filter((d) => d.code !== code && !(c.alsoReports ?? []).includes(d.code))).toEqual([]);
      // Diagnostics are printed to terminals and pull requests: names inside them must be inert.
      for (const d of found) expect(`${d.message}${d.path}${d.fix}`).not.toMatch(CONTROL_CHARACTERS);
      expect(result.ok).toBe(rule.severity === 'warning');
    });
  });
});

it('every case names a registered rule', () => {
  const codes = new Set(RULES.map((r) => r.code));
  expect(CASES.filter((c) => !codes.has(c.code)).map((c) => c.code)).toEqual([]);
});
