import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, workspaceRoot } from './harness.ts';

const scratch = scratchDir();
const sandbox = join(scratch.dir, 'sandbox.json');
afterAll(scratch.cleanup);

describe('the README quick start, on the example organization', () => {
  it('validates the example organization', async () => {
    const run = await orgops(['validate']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/accounts\/src\/index\.ts is valid: \d+ OUs, \d+ accounts/);
  });

  it('plans the whole organization to create, naming the sandbox target', async () => {
    const run = await orgops(['plan', '--sandbox-file', sandbox]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(sandbox);
    expect(run.stdout).toMatch(/create/);
    expect(run.stdout).not.toMatch(/to update|to delete/);
  });

  it('applies it, after which the plan is empty', async () => {
    const apply = await orgops(['apply', '--auto-approve', '--sandbox-file', sandbox]);
    expect(apply.stderr).not.toMatch(/✗|failed/);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete: \d+ done/);
    const again = await orgops(['plan', '--sandbox-file', sandbox]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/No changes/);
    const drift = await orgops(['drift', '--sandbox-file', sandbox]);
    expect(drift.code).toBe(0);
    expect(drift.stdout).toMatch(/No drift/);
  }, 60_000);

  it('runs as a real process with the documented exit codes and no colour when piped', () => {
    const fresh = join(scratch.dir, 'process-sandbox.json');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/bin.ts', 'plan', '--sandbox-file', fresh],
      {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: undefined },
      },
    );
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.status).toBe(2);
    expect(result.stdout).not.toContain('\u001b[');
    expect(existsSync(fresh)).toBe(true);
    const state = JSON.parse(readFileSync(fresh, 'utf8')) as object;
    expect(state).toBeTypeOf('object');
  }, 60_000);
});
