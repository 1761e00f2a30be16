import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSandbox, type SandboxState } from '@orgops/sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, orgops, scratchDir, spawnOrgops, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

/**
 * Two configs that each own half of one organization and ignore the other half, so both applies
 * are compatible: whatever order they run in, the organization must end with both halves.
 */
function half(own: string, other: string): string {
  const dir = join(scratch.dir, own);
  writeTree(dir, {
    'index.ts': `import { account, assign, defineOrganization, FullAWSAccess, group, organizationalUnit, organizationRoot,
  permissionSet, serviceControlPolicy } from '@orgops/model';
const scps = [1, 2, 3, 4].map((i) => serviceControlPolicy({ name: '${own}-scp-' + i, content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'service' + i + ':Delete*', Resource: '*' }] } }));
export const root = organizationRoot({ policies: [FullAWSAccess] });
const ous = [1, 2, 3, 4, 5, 6].map((i) => organizationalUnit('${own}' + i, { parent: root, policies: [FullAWSAccess, ...scps] }));
const sets = [1, 2].map((i) => permissionSet({ name: '${own}-ps-' + i, sessionDuration: 'PT1H',
  managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }));
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: ous,
  accounts: ous.slice(0, 4).map((parent, i) => account({ name: '${own}-' + i, email: '${own}-' + i + '@example.com', parent })),
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: sets,
  assignments: sets.map((ps) => assign(group('developers'), ps, ous.slice(0, 4))),
  ignore: { organizationalUnits: ['/${other}*'], accounts: ['${other}-*'], policies: ['${other}-*'], permissionSets: ['${other}-*'] },
});
`,
  });
  return dir;
}

const alpha = half('alpha', 'beta');
const beta = half('beta', 'alpha');
let n = 0;
const freshSandbox = () => join(scratch.dir, `sandbox-${++n}.json`);

describe('two applies against one sandbox at once', () => {
  it('lose no change: the second waits for the first, then applies against what the first did', async () => {
    const sandbox = freshSandbox();
    // A generous wait: on a loaded machine the first apply may take longer than the default 10 s.
    const runs = await Promise.all(
      [alpha, beta].map((config) =>
        finished(
          spawnOrgops([
            'apply',
            '--auto-approve',
            '--lock-timeout',
            '60',
            '--config',
            config,
            '--sandbox-file',
            sandbox,
          ]),
        ),
      ),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/error|✗/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Apply complete: \d+ done/);
    }
    const state = JSON.parse(readFileSync(sandbox, 'utf8')) as SandboxState;
    expect(state.ous.map((o) => o.name).sort()).toEqual([
      ...['alpha1', 'alpha2', 'alpha3', 'alpha4', 'alpha5', 'alpha6'],
      ...['beta1', 'beta2', 'beta3', 'beta4', 'beta5', 'beta6'],
    ]);
    expect(state.accounts).toHaveLength(9);
    for (const config of [alpha, beta]) {
      const plan = await orgops(['plan', '--config', config, '--sandbox-file', sandbox]);
      expect(plan.stdout).toMatch(/No changes/);
      expect(plan.code).toBe(0);
    }
    expect(existsSync(`${sandbox}.lock`)).toBe(false);
  }, 120_000);

  it('lose no change when they interleave call by call in one process', async () => {
    // In one event loop both runs read the file before either writes, every time: the lost update
    // that real processes hit by chance, made deterministic.
    const sandbox = freshSandbox();
    const runs = await Promise.all(
      [alpha, beta].map((config) =>
        orgops([
          'apply',
          '--auto-approve',
          '--lock-timeout',
          '60',
          '--config',
          config,
          '--sandbox-file',
          sandbox,
        ]),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const state = JSON.parse(readFileSync(sandbox, 'utf8')) as SandboxState;
    expect(state.ous).toHaveLength(12);
    expect(state.accounts).toHaveLength(9);
    expect(state.identityCenter?.permissionSets).toHaveLength(4);
  }, 120_000);

  it('refuse the second with a message naming the holder when it cannot wait', async () => {
    const sandbox = freshSandbox();
    const holder = await openSandbox(sandbox, { lock: { command: 'orgops apply --auto-approve' } });
    try {
      const before = readFileSync(sandbox, 'utf8');
      const run = await orgops([
        'apply',
        '--auto-approve',
        '--lock-timeout',
        '0.2',
        '--config',
        alpha,
        '--sandbox-file',
        sandbox,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('[sandbox-locked]');
      expect(run.stderr).toContain(`pid ${process.pid} on `);
      expect(run.stderr).toContain('(`orgops apply --auto-approve`), since ');
      expect(run.stdout).toBe('');
      expect(readFileSync(sandbox, 'utf8')).toBe(before);
    } finally {
      await holder.close();
    }
  });
});

/** Starts the example organization's apply and stops it with `signal` after `doneLines` changes. */
async function stoppedApply(sandbox: string, signal: NodeJS.Signals, doneLines: number) {
  const child = spawnOrgops(['apply', '--auto-approve', '--sandbox-file', sandbox]);
  const done: string[] = [];
  let sent = false;
  child.stderr?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) {
      const m = /^ {2}✓ (\S+)/.exec(line);
      if (m) done.push(m[1]!);
    }
    if (!sent && done.length >= doneLines) {
      sent = true;
      child.kill(signal);
    }
  });
  const run = await finished(child);
  expect(sent, `the apply finished before ${doneLines} changes were done`).toBe(true);
  return { run, done };
}

/** The addresses of a plan's changes, read through the documented JSON view. */
async function plannedAddresses(sandbox: string): Promise<{ code: number; addresses: string[] }> {
  const plan = await orgops(['plan', '--format', 'json', '--sandbox-file', sandbox]);
  const parsed = JSON.parse(plan.stdout) as { phases: { changes: { address: string }[] }[] };
  return { code: plan.code, addresses: parsed.phases.flatMap((p) => p.changes.map((c) => c.address)) };
}

describe('an apply stopped part-way', () => {
  it('killed: leaves exactly what it did, a stale lock the next run takes over, and the next plan shows the rest', async () => {
    const sandbox = freshSandbox();
    const full = await plannedAddresses(sandbox);
    const { run, done } = await stoppedApply(sandbox, 'SIGKILL', 12);
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(`${sandbox}.lock`)).toBe(true);
    // The file is whole (each write is atomic) and passes the load checks.
    await openSandbox(sandbox);
    const rest = await plannedAddresses(sandbox);
    expect(rest.code).toBe(2);
    for (const address of done) expect(rest.addresses).not.toContain(address);
    expect(rest.addresses.length).toBeLessThan(full.addresses.length);
    const resume = await orgops(['apply', '--auto-approve', '--sandbox-file', sandbox]);
    expect(resume.stderr).not.toMatch(/✗|\[sandbox-locked\]/);
    expect(resume.code).toBe(0);
    expect((await plannedAddresses(sandbox)).addresses).toEqual([]);
  }, 120_000);

  it('interrupted with Ctrl-C: says what was done, that plan shows the rest, exits 130 and frees the lock', async () => {
    const sandbox = freshSandbox();
    const { run, done } = await stoppedApply(sandbox, 'SIGINT', 12);
    expect(run.code).toBe(130);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/Apply interrupted: \d+ done/);
    expect(run.stderr).toContain('Run `orgops plan` to see what is left.');
    expect(existsSync(`${sandbox}.lock`)).toBe(false);
    const rest = await plannedAddresses(sandbox);
    expect(rest.code).toBe(2);
    for (const address of done) expect(rest.addresses).not.toContain(address);
  }, 120_000);
});
