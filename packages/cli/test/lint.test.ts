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

/**
 * An organization with the smells console work leaves, written as the live organization (the
 * sandbox) so that `orgops import` brings them into code: a misspelt action in a guardrail, a
 * `*` admin inline policy in an innocent permission set, an SCP at 95 % of its size limit, users
 * with direct grants and an admin permission set with 8-hour sessions.
 */
const SMELLY = `import { account, assign, defineOrganization, FullAWSAccess, group, managementAccount, organizationalUnit,
  organizationRoot, permissionSet, serviceControlPolicy, user } from '@orgops/model';

const deny = (action: string, resources: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resources }] });
const protectTrail = serviceControlPolicy({ name: 'protect-trail', content: deny('cloudtrail:StopLoging', ['*']) });
const pinned = serviceControlPolicy({
  name: 'deny-terminate-pinned',
  content: deny('ec2:TerminateInstances', Array.from({ length: 205 }, (_, i) => \`arn:aws:ec2:*:*:instance/i-0a1b2c3d4e\${String(i).padStart(7, '0')}\`)),
});
export const root = organizationRoot({ policies: [FullAWSAccess, protectTrail] });
export const workloads = organizationalUnit('Workloads', { parent: root, policies: [FullAWSAccess, pinned] });
const mgmt = managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root });
const app = account({ name: 'app', email: 'aws+app@example.com', parent: workloads });
const breakGlass = permissionSet({ name: 'BreakGlass', sessionDuration: 'PT8H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
const support = permissionSet({ name: 'Support', managedPolicies: ['arn:aws:iam::aws:policy/AWSSupportAccess'],
  inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });

export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [workloads],
  accounts: [mgmt, app],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [breakGlass, support],
  assignments: [assign(group('incident-responders'), breakGlass, [workloads]), assign(user('carol'), support, [workloads]), assign(user('bob'), support, [workloads])],
});
`;

beforeAll(() => {
  writeTree(scratch.dir, {
    'smelly/index.ts': SMELLY,
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
      '  fix: Did you mean "cloudtrail:StopLogging"? Check the spelling against the Service Authorization Reference for "cloudtrail"',
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

  it('on an imported organization names every smell the console left', async () => {
    const sandbox = join(scratch.dir, 'smelly-sandbox.json');
    const seeded = await orgops([
      'apply',
      '--auto-approve',
      '--config',
      join(scratch.dir, 'smelly'),
      '--sandbox-file',
      sandbox,
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const imported = join(scratch.dir, 'smelly-imported');
    const wrote = await orgops(['import', '--out', imported, '--sandbox-file', sandbox]);
    expect(wrote.code, wrote.stderr).toBe(0);

    const run = await orgops(['lint', '--config', imported, '--format', 'json']);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as {
      findings: { rule: string; subject: string; value: unknown; file: string }[];
    };
    const of = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(of('unknown-action').map((f) => [f.subject, f.value])).toEqual([
      ['policy:SERVICE_CONTROL_POLICY/protect-trail', 'cloudtrail:StopLoging'],
    ]);
    expect(of('inline-admin-wildcard').map((f) => f.subject)).toEqual(['permission-set:Support']);
    expect(of('policy-near-size-limit').map((f) => f.subject)).toEqual([
      'policy:SERVICE_CONTROL_POLICY/deny-terminate-pinned',
    ]);
    expect(of('assignment-to-user').map((f) => f.value)).toEqual(['bob', 'carol']);
    expect(of('long-admin-session').map((f) => f.subject)).toEqual(['permission-set:BreakGlass']);
    // Each finding points into the generated files, where the fix goes.
    for (const f of findings) expect(f.file).toMatch(/smelly-imported\/[\w-]+\.ts$/);
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
