import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, workspaceRoot } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

/** The command as the README documents it, through pnpm, from the repository root. */
function pnpm(args: string[]) {
  const result = spawnSync('pnpm', args, {
    cwd: workspaceRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
    timeout: 120_000,
  });
  if (result.error)
    throw new Error(`pnpm did not run (it is needed on PATH, as the README says): ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the documented command: pnpm orgops', () => {
  it('prints only JSON on stdout and exits 2 for changes', () => {
    const run = pnpm(['orgops', 'plan', '--format', 'json', '--sandbox-file', join(scratch.dir, 'a.json')]);
    expect(run.stderr).not.toMatch(/ELIFECYCLE|ERR_PNPM|internal error/);
    expect(run.code).toBe(2);
    const plan = JSON.parse(run.stdout) as { summary: { total: number } };
    expect(plan.summary.total).toBeGreaterThan(0);
  }, 150_000);

  it('does the same as pnpm exec orgops, and markdown starts with the review, not a banner', () => {
    const run = pnpm([
      'exec',
      'orgops',
      'plan',
      '--format',
      'markdown',
      '--sandbox-file',
      join(scratch.dir, 'b.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout.startsWith('>')).toBe(false);
    expect(run.stdout).toMatch(/^#+ /);
  }, 150_000);

  it('is the workspace bin, not a package script that pnpm would wrap in its banner', () => {
    const root = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(root.scripts.orgops).toBeUndefined();
  });
});

describe('the README setup', () => {
  it('installs the pnpm version package.json pins', () => {
    const pinned = (
      JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { packageManager: string }
    ).packageManager;
    const readme = readFileSync(join(workspaceRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install --global ${pinned}\n`);
  });
});

describe('the quick start leaves nothing for git', () => {
  it('ignores the sandbox, its lock, saved plans and rendered reviews', () => {
    const paths = [
      '.orgops/sandbox.json',
      '.orgops/sandbox.json.lock',
      'plan.json',
      'plan.md',
      'accounts/plan.json',
    ];
    const result = spawnSync('git', ['check-ignore', ...paths], { cwd: workspaceRoot, encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toEqual(paths);
  });
});

describe('help texts', () => {
  it('show the documented command', async () => {
    const help = await orgops(['--help']);
    expect(help.stdout).toContain('pnpm orgops plan --out plan.json');
    expect((await orgops(['plan', '--help'])).stdout).toContain('pnpm orgops plan --format json');
  });

  it('list no AWS or sandbox options for validate, which reads no organization', async () => {
    const help = await orgops(['validate', '--help']);
    expect(help.stdout).toContain('--config');
    expect(help.stdout).not.toMatch(/--profile|--region|--sso-region|--backend|--sandbox-file/);
  });
});
