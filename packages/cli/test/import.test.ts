import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

describe('orgops import', () => {
  it('writes config for a live organization that plans with no changes', async () => {
    const sandbox = join(scratch.dir, 'sandbox.json');
    expect((await orgops(['apply', '--auto-approve', '--sandbox-file', sandbox])).code).toBe(0);
    const out = join(scratch.dir, 'imported');
    const run = await orgops(['import', '--out', out, '--sandbox-file', sandbox]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wrote 8 files/);
    for (const f of [
      'index.ts',
      'organization.ts',
      'accounts.ts',
      'policies.ts',
      'identity-center.ts',
      'assignments.ts',
      'services.ts',
    ]) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    expect(readFileSync(join(out, 'assignments.ts'), 'utf8')).toContain(
      'assign(securityAuditors, securityAudit, [root])',
    );

    const plan = await orgops(['plan', '--config', out, '--sandbox-file', sandbox]);
    expect(plan.stderr).not.toMatch(/error/);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('refuses to write into a non-empty directory without --force', async () => {
    const out = join(scratch.dir, 'imported');
    const run = await orgops(['import', '--out', out, '--sandbox-file', join(scratch.dir, 'sandbox.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[import-target-not-empty]');
  });
});
