import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '@orgops/engine';
import { REHEARSAL_BLOCKED_EXIT } from '@orgops/github';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/exit-codes.ts';
import { orgops, scratchDir } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

const planIn = (file: string): Plan => JSON.parse(readFileSync(file, 'utf8')) as Plan;

describe('orgops plan --rehearse on the example organization', () => {
  const sandbox = join(scratch.dir, 'example.json');
  const saved = join(scratch.dir, 'plan.json');

  it('applies the whole plan to a twin, converges, and shows the time in --stats', async () => {
    const run = await orgops(['plan', '--rehearse', '--stats', '--sandbox-file', sandbox, '--out', saved]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(EXIT.changes);
    const total = planIn(saved).summary.total;
    expect(run.stdout).toContain(`✓ rehearsed: ${total} changes applied, converges`);
    // The verdict comes before the changes.
    expect(run.stdout.indexOf('rehearsed:')).toBeLessThan(run.stdout.indexOf('Enable policy types'));
    expect(run.stderr).toMatch(
      /rehearsal: \d+\.\d\d s, \d+ calls to the in-memory twin, none to the organization/,
    );
    expect(planIn(saved).rehearsal).toMatchObject({ outcome: 'converges', applied: total, refusals: [] });
  });

  it('keeps the rehearsal in the saved plan: show prints it, apply applies the plan', async () => {
    const shown = await orgops(['show', saved, '--format', 'markdown']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/✅ \*\*Rehearsed: \d+ changes applied, converges\.\*\*/);
    const apply = await orgops(['apply', saved, '--auto-approve', '--sandbox-file', sandbox]);
    expect(apply.stderr).not.toMatch(/✗|failed/);
    expect(apply.code).toBe(EXIT.ok);
    const again = await orgops(['plan', '--rehearse', '--sandbox-file', sandbox]);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toContain('✓ rehearsed: 0 changes applied, converges');
    expect(again.stdout).toContain('No changes');
  });

  it('exits 3 when AWS would refuse a change, listing it with the error code and the fix', async () => {
    const fresh = join(scratch.dir, 'small-quota.json');
    const out = join(scratch.dir, 'refused.json');
    const run = await orgops([
      'plan',
      '--rehearse',
      '--account-quota',
      '5',
      '--sandbox-file',
      fresh,
      '--out',
      out,
    ]);
    expect(run.code).toBe(EXIT.rehearsalBlocked);
    expect(run.stdout).toMatch(/✗ rehearsal blocked: AWS would refuse 5 of \d+ changes/);
    expect(run.stdout).toContain('organizations:CreateAccount: ACCOUNT_LIMIT_EXCEEDED');
    expect(run.stdout).toContain("fix: The organization's account quota is full");
    expect(run.stdout).toContain('assumed: The account quota is 5, as given with --account-quota');
    const plan = planIn(out);
    expect(plan.rehearsal?.outcome).toBe('refused');
    expect(plan.rehearsal?.refusals.map((r) => r.code)).toEqual(Array(5).fill('ACCOUNT_LIMIT_EXCEEDED'));
    // show renders a saved plan's verdict; plan (and the pull-request review) turn it into the exit code.
    const shown = await orgops(['show', out]);
    expect(shown.code).toBe(EXIT.ok);
    expect(shown.stdout).toContain('✗ rehearsal blocked');
  });

  it('refuses a bad --account-quota before reading anything, and the flag without --rehearse', async () => {
    const untouched = join(scratch.dir, 'never-created.json');
    const bad = await orgops(['plan', '--rehearse', '--account-quota', 'lots', '--sandbox-file', untouched]);
    expect(bad.code).toBe(EXIT.error);
    expect(bad.stderr).toContain('[bad-account-quota]');
    expect(bad.stderr).toContain("not 'lots'");
    const fromEnv = await orgops(['plan', '--rehearse', '--sandbox-file', untouched], {
      env: { ORGOPS_ACCOUNT_QUOTA: '0' },
    });
    expect(fromEnv.code).toBe(EXIT.error);
    expect(fromEnv.stderr).toContain('ORGOPS_ACCOUNT_QUOTA');
    const alone = await orgops(['plan', '--account-quota', '20', '--sandbox-file', untouched]);
    expect(alone.code).toBe(EXIT.error);
    expect(alone.stderr).toContain('[account-quota-without-rehearse]');
    expect(() => readFileSync(untouched)).toThrow();
  });

  it('documents exit code 3 and what the twin cannot know in --help', async () => {
    const help = await orgops(['plan', '--help']);
    expect(help.stdout).toContain('--rehearse');
    expect(help.stdout).toMatch(/3 --rehearse found a blocking problem/);
    expect(help.stdout).toMatch(/cannot know/);
    const top = await orgops(['--help']);
    expect(top.stdout).toMatch(/1 error, 3 the rehearsal/);
    // The pull-request review fails its run with the same code.
    expect(REHEARSAL_BLOCKED_EXIT).toBe(EXIT.rehearsalBlocked);
  });
});
