import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

/** A small organization with a typo in a guardrail, a user assignment and a waived long session. */
function config(extra: { waivers?: string; action?: string } = {}): string {
  return `import { account, assign, defineOrganization, FullAWSAccess, group, managementAccount, organizationalUnit,
  organizationRoot, permissionSet, serviceControlPolicy, user, waive } from '@orgops/model';

const protectTrail = serviceControlPolicy({
  name: 'protect-trail',
  content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '${extra.action ?? 'cloudtrail:StopLoging'}', Resource: '*' }] },
});
export const root = organizationRoot({ policies: [FullAWSAccess, protectTrail] });
export const workloads = organizationalUnit('Workloads', { parent: root });
const mgmt = managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root });
const app = account({ name: 'app', email: 'aws+app@example.com', parent: workloads });
const admin = permissionSet({ name: 'Admin', sessionDuration: 'PT8H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
const readOnly = permissionSet({ name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
const alice = assign(user('alice'), readOnly, [workloads]);

export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [workloads],
  accounts: [mgmt, app],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [admin, readOnly],
  assignments: [assign(group('platform-admins'), admin, [workloads]), alice],
  waivers: [${extra.waivers ?? `waive('long-admin-session', admin, { reason: 'migration week, until 2026-12-15' })`}],
});
`;
}

beforeAll(() => {
  writeTree(scratch.dir, {
    'bad/index.ts': config(),
    'warn/index.ts': config({ action: 'cloudtrail:StopLogging' }),
    'stale/index.ts': config({
      action: 'cloudtrail:StopLogging',
      waivers: `waive('unknown-action', protectTrail, { reason: 'old typo' }), waive('long-admin-session', admin, { reason: 'migration week' })`,
    }),
  });
});

describe('orgops lint', () => {
  it('prints each finding with its file:line, path and fix, the waived one with its reason, and exits 1 on an error', async () => {
    const run = await orgops(['lint', '--config', join(scratch.dir, 'bad')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^error \[unknown-action\] packages\/cli\/\.tmp\/case-\w+\/bad\/index\.ts:\d+ {2}root\.policies\[protect-trail\]\.content\.Statement\[0\]\.Action$/m,
    );
    expect(run.stdout).toContain(
      '  fix: Check the spelling against the Service Authorization Reference for "cloudtrail"',
    );
    expect(run.stdout).toMatch(
      /^warning \[assignment-to-user\] .*bad\/index\.ts:\d+ {2}assignments\[alice:ReadOnly\]\.principal$/m,
    );
    expect(run.stdout).toMatch(/^waived \[long-admin-session\] .*permissionSets\[Admin\]\.sessionDuration$/m);
    expect(run.stdout).toContain('  reason: migration week, until 2026-12-15');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 error, 1 warning; 1 waived.');
  });

  it('exits 0 with warnings only, and 1 on them with --max-severity note', async () => {
    expect((await orgops(['lint', '--config', join(scratch.dir, 'warn')])).code).toBe(0);
    expect(
      (await orgops(['lint', '--config', join(scratch.dir, 'warn'), '--max-severity', 'note'])).code,
    ).toBe(1);
    expect(
      (await orgops(['lint', '--config', join(scratch.dir, 'bad'), '--max-severity', 'error'])).code,
    ).toBe(0);
  });

  it('reports a waiver that matches nothing', async () => {
    const run = await orgops(['lint', '--config', join(scratch.dir, 'stale'), '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json.findings.map((f: { rule: string; path: string }) => [f.rule, f.path])).toEqual([
      ['assignment-to-user', 'assignments[alice:ReadOnly].principal'],
      ['waiver-unused', 'waivers[0]'],
    ]);
    expect(json.waived.map((f: { rule: string }) => f.rule)).toEqual(['long-admin-session']);
  });

  it('writes annotations and SARIF for GitHub in one run', async () => {
    const sarifFile = join(scratch.dir, 'out', 'lint.sarif');
    const run = await orgops([
      'lint',
      '--config',
      join(scratch.dir, 'bad'),
      '--format',
      'github',
      '--sarif',
      sarifFile,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^::error file=packages\/cli\/\.tmp\/case-\w+\/bad\/index\.ts,line=\d+,title=Action does not exist \[unknown-action\]::/,
    );
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['unknown-action', 'error'],
      ['assignment-to-user', 'warning'],
      ['long-admin-session', 'warning'],
    ]);
    expect(run.stderr).toContain('Wrote SARIF for code scanning to');
  });

  it('lints the example organization clean, its one waiver shown', async () => {
    const run = await orgops(['lint']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('waived [admin-in-sensitive-account] accounts/src/assignments.ts:');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('No lint findings (1 waived).');
  });

  it('validate prints lint findings as warnings and a summary, and stays valid', async () => {
    const run = await orgops(['validate', '--config', join(scratch.dir, 'bad')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('error [unknown-action]');
    expect(run.stdout).toContain('Lint: 1 error, 1 warning; 1 waived. `orgops lint` exits 1 on errors.');
  });

  it('plan shows a Lint findings section in the markdown review', async () => {
    const run = await orgops([
      'plan',
      '--config',
      join(scratch.dir, 'bad'),
      '--sandbox-file',
      join(scratch.dir, 'sandbox.json'),
      '--format',
      'markdown',
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('### Lint findings');
    expect(run.stdout).toMatch(
      /- 🔴 \*\*Error\*\* SCP protect-trail: "cloudtrail:StopLoging" is not an action/,
    );
    expect(run.stdout).toContain('☑️ waived:');
  });
});
