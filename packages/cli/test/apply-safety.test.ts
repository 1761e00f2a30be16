import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSandbox } from '@orgops/sandbox';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

const configDir = join(scratch.dir, 'org');
writeTree(configDir, {
  'index.ts': `import { account, defineOrganization, FullAWSAccess, organizationalUnit, organizationRoot } from '@orgops/model';
export const root = organizationRoot({ policies: [FullAWSAccess] });
const apps = organizationalUnit('Apps', { parent: root });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: [account({ name: 'app', email: 'aws+app@example.com', parent: apps })],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
});
`,
});

let sandbox: string;
let n = 0;
beforeEach(() => {
  sandbox = join(scratch.dir, `sandbox-${++n}.json`);
});

const args = (...extra: string[]) => [...extra, '--config', configDir, '--sandbox-file', sandbox];

describe('apply safety', () => {
  it('applies exactly a saved plan', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    expect((await orgops(args('plan', '--out', planFile))).code).toBe(2);
    const apply = await orgops(args('apply', planFile, '--auto-approve'));
    expect(apply.stderr).not.toMatch(/error/);
    expect(apply.code).toBe(0);
    expect((await orgops(args('plan'))).code).toBe(0);
  });

  it('refuses a plan whose objects changed since it was made, naming them', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    expect((await orgops(args('plan', '--out', planFile))).code).toBe(2);
    // Someone creates the OU by hand between plan and apply.
    const backend = await openSandbox(sandbox, { lock: true });
    const root = (await backend.organizations.listRoots())[0]!;
    await backend.organizations.createOrganizationalUnit(root.id, 'Apps', {});
    await backend.close();
    const before = readFileSync(sandbox, 'utf8');
    const apply = await orgops(args('apply', planFile, '--auto-approve'));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('[plan-stale]');
    expect(apply.stderr).toContain('ou/Apps');
    expect(readFileSync(sandbox, 'utf8')).toBe(before);
  });

  it('refuses a plan made for another organization', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    await orgops(args('plan', '--out', planFile));
    const other = join(scratch.dir, `other-${n}.json`);
    const apply = await orgops([
      'apply',
      planFile,
      '--auto-approve',
      '--config',
      configDir,
      '--sandbox-file',
      other,
    ]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('[plan-foreign]');
    expect((await orgops(['plan', '--config', configDir, '--sandbox-file', other])).code).toBe(2);
  });

  it('refuses a plan file that was tampered into another format version', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    await orgops(args('plan', '--out', planFile));
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(planFile, JSON.stringify({ ...plan, formatVersion: 99 }));
    const apply = await orgops(args('apply', planFile, '--auto-approve'));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('plan format version 99 is not supported');
  });

  it('refuses to apply without approval when there is no terminal', async () => {
    const apply = await orgops(args('apply'));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('[approval-required]');
    expect((await orgops(args('plan'))).code).toBe(2);
  });

  it('asks on a terminal and accepts only "yes"', async () => {
    const no = await orgops(args('apply'), { interactive: true, answer: 'y' });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('Apply cancelled. Nothing was changed.');
    const yes = await orgops(args('apply'), { interactive: true, answer: 'yes' });
    expect(yes.code).toBe(0);
  });

  it('a plan for the sandbox cannot be applied with --backend aws', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    await orgops(args('plan', '--out', planFile));
    const apply = await orgops(args('apply', planFile, '--auto-approve', '--backend', 'aws'));
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('[plan-backend-mismatch]');
  });

  it('shows a saved plan in every format, JSON being the plan itself', async () => {
    const planFile = join(scratch.dir, `plan-${n}.json`);
    await orgops(args('plan', '--out', planFile));
    const json = await orgops(['show', planFile, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(planFile, 'utf8')));
    const md = await orgops(['show', planFile, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('ou /Apps');
  });
});
