import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assign, permissionSet, serviceControlPolicy, user, waive } from '@orgops/model';
import * as AjvDraft04 from 'ajv-draft-04';
import * as AjvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_PER_KIND,
  type LintFinding,
  type LintReport,
  renderLintGithub,
  renderLintJson,
  renderLintSarif,
  renderLintText,
} from '../src/index.ts';
import { denyWithExemption, lint, lintBaseline } from './fixture.ts';

/** The SARIF 2.1.0 schema (rtm.5, JSON Schema draft-04) as published on npm by Microsoft. */
const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// The schema's language-tag pattern is not valid with the `u` flag Ajv uses by default.
// Both are CommonJS: their default export is the namespace's `default`.
const ajv = new AjvDraft04.default.default({ allErrors: true, strict: false, unicodeRegExp: false });
AjvFormats.default.default(ajv);
const validateSarif = ajv.compile(schema);

const ROOT = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');

/** A config with an error, a warning and a waived finding. */
async function mixedReport(): Promise<LintReport> {
  const b = lintBaseline();
  const alice = assign(user('alice'), b.readOnly, [b.dev]);
  const bob = assign(user('bob'), b.readOnly, [b.dev]);
  return lint(
    b.with({
      policies: [serviceControlPolicy({ name: 'typo', content: denyWithExemption('cloudtrail:StopLoging') })],
      assignments: [b.readOnlyForDevelopers, alice, bob],
      waivers: [waive('assignment-to-user', bob, { reason: 'external auditor, until 2027-01' })],
    }),
  );
}

const finding = (n: number, severity: LintFinding['severity'], name = `p${n}`): LintFinding => ({
  rule: 'unknown-action',
  severity,
  message: `policy ${name} is wrong`,
  fix: 'fix it',
  path: `policies[${name}]`,
  subject: { kind: 'policy', key: `policy:SCP/${name}`, label: name },
  site: { file: `${ROOT}/policies/src/p.ts`, line: n + 1, column: 3 },
});

describe('SARIF', () => {
  it('is valid SARIF 2.1.0, with every rule, relative locations and waived findings suppressed', async () => {
    const report = await mixedReport();
    const sarif = JSON.parse(renderLintSarif(report, { root: ROOT, version: '1.2.3' }));
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors)).toEqual([]);
    expect(valid).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('guardrail-lockout');
    const byRule = (id: string) => run.results.filter((r: { ruleId: string }) => r.ruleId === id);
    const [typo] = byRule('unknown-action');
    expect(typo.level).toBe('error');
    expect(typo.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'packages/lint/test/formats.test.ts',
    );
    expect(typo.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'policies[typo].content.Statement[0].Action',
    );
    const users = byRule('assignment-to-user');
    expect(users.map((r: { suppressions?: unknown }) => r.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', justification: 'external auditor, until 2027-01' }],
    ]);
  });

  it('stays valid with no findings, and the schema does reject a broken log', async () => {
    const empty = JSON.parse(renderLintSarif({ findings: [], waived: [] }));
    expect(validateSarif(empty)).toBe(true);
    expect(validateSarif({ ...empty, version: '2.0.0' })).toBe(false);
    const noMessage = structuredClone(
      JSON.parse(renderLintSarif({ findings: [finding(1, 'error')], waived: [] })),
    );
    delete noMessage.runs[0].results[0].message;
    expect(validateSarif(noMessage)).toBe(false);
  });
});

describe('GitHub annotations', () => {
  it('annotates each finding at its file and line, most severe first', async () => {
    const out = renderLintGithub(await mixedReport(), { root: ROOT });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^::error file=packages\/lint\/test\/formats\.test\.ts,line=\d+,title=Action does not exist \[unknown-action\]::SCP typo: "cloudtrail:StopLoging" is not an action of its service.*%0AFix: Did you mean "cloudtrail:StopLogging"\? Check the spelling.*%0AAt: policies\[typo\]\.content\.Statement\[0\]\.Action$/,
    );
    expect(lines[1]).toMatch(
      /^::warning file=.*title=Permission set assigned to a user \[assignment-to-user\]::/,
    );
    expect(out).toContain('waived [assignment-to-user] assignments[bob:ReadOnly].principal:');
    expect(out).toContain('Reason: external auditor, until 2027-01');
    expect(lines.at(-1)).toBe('1 error, 1 warning; 1 waived.');
  });

  it('shows at most ten of each kind: nine findings and a count of the rest, which go to the log', () => {
    const errors = Array.from({ length: 13 }, (_, i) => finding(i, 'error'));
    const notes = Array.from({ length: 10 }, (_, i) => finding(i + 20, 'note'));
    const out = renderLintGithub({ findings: [...errors, ...notes], waived: [] }, { root: ROOT });
    const count = (kind: string) => out.split('\n').filter((l) => l.startsWith(`::${kind} `)).length;
    expect(count('error')).toBe(ANNOTATIONS_PER_KIND);
    expect(count('notice')).toBe(10);
    expect(out).toContain('::error title=4 more lint errors::4 more error findings are not annotated');
    for (const i of [9, 10, 11, 12])
      expect(out).toContain(`error [unknown-action] policies[p${i}]: policy p${i} is wrong`);
  });

  it('escapes names so they cannot end the command or start another', () => {
    const evil = finding(1, 'error', 'a,b:c%\n::warning::pwned');
    const out = renderLintGithub({ findings: [evil], waived: [] });
    const lines = out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('\n::warning');
    expect(lines[0]).toContain('policies[a,b:c%25\\n::warning::pwned]');
  });
});

describe('text and JSON', () => {
  it('text lists findings with file:line, path, message and fix, then the waived ones with their reason', async () => {
    const text = renderLintText(await mixedReport(), { root: ROOT });
    expect(text).toMatch(
      /^error \[unknown-action\] packages\/lint\/test\/formats\.test\.ts:\d+ {2}policies\[typo\]/,
    );
    expect(text).toContain('  fix: Did you mean "cloudtrail:StopLogging"? Check the spelling');
    expect(text).toMatch(/waived \[assignment-to-user\] .*assignments\[bob:ReadOnly\]\.principal/);
    expect(text).toContain('  reason: external auditor, until 2027-01 (packages/lint/test/formats.test.ts:');
  });

  it('JSON carries the summary, relative files and waiver reasons', async () => {
    const json = JSON.parse(renderLintJson(await mixedReport(), { root: ROOT }));
    expect(json.summary).toEqual({ error: 1, warning: 1, note: 0, waived: 1 });
    expect(json.findings[0]).toMatchObject({
      rule: 'unknown-action',
      file: 'packages/lint/test/formats.test.ts',
      subject: 'policy:SERVICE_CONTROL_POLICY/typo',
    });
    expect(json.waived[0].waiver.reason).toBe('external auditor, until 2027-01');
  });

  it('an unused inline policy still counts: permission sets listed but never assigned are linted', async () => {
    const b = lintBaseline();
    const report = await lint(
      b.with({
        permissionSets: [
          permissionSet({
            name: 'Spare',
            inlinePolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
            },
          }),
        ],
      }),
    );
    expect(report.findings.map((f) => f.rule)).toEqual(['inline-admin-wildcard']);
  });
});

describe('grouped text (validate and plan)', () => {
  it('shows two of a rule’s many warnings in full and counts the rest; errors are never grouped', async () => {
    const b = lintBaseline();
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'].map((name) => assign(user(name), b.readOnly, [b.dev]));
    const report = await lint(
      b.with({
        policies: [
          serviceControlPolicy({ name: 'typo', content: denyWithExemption('cloudtrail:StopLoging') }),
        ],
        assignments: [b.readOnlyForDevelopers, ...users],
      }),
    );
    const userFindings = report.findings.filter((f) => f.rule === 'assignment-to-user');
    expect(userFindings).toHaveLength(5);
    const grouped = renderLintText(report, { root: ROOT, groupAfter: 3 });
    expect(grouped.match(/\[assignment-to-user\]/g)).toHaveLength(3);
    expect(grouped).toContain('… and 3 more [assignment-to-user] like these (`orgops lint` lists every one)');
    expect(grouped).toContain('error [unknown-action]');
    // Without the option (orgops lint) every finding is listed.
    expect(renderLintText(report, { root: ROOT }).match(/\[assignment-to-user\]/g)).toHaveLength(5);
    // At or under the threshold nothing is grouped.
    expect(renderLintText(report, { root: ROOT, groupAfter: 5 })).not.toContain('more [assignment-to-user]');
  });
});
