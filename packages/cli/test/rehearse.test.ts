import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '@orgops/engine';
import { REHEARSAL_BLOCKED_EXIT } from '@orgops/github';
import type { SandboxState } from '@orgops/sandbox';
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

  it('uses the account quota the user gives, for the plan’s check and for the twin', async () => {
    const file = join(scratch.dir, 'small-quota.json');
    expect((await orgops(['plan', '--sandbox-file', file])).code).toBe(EXIT.changes);
    const state = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
    state.quotas.maxAccounts = 5;
    writeFileSync(file, JSON.stringify(state));

    const refused = await orgops(['plan', '--rehearse', '--sandbox-file', file]);
    expect(refused.code).toBe(EXIT.error);
    expect(refused.stderr).toContain('[account-quota]');

    const told = await orgops(['plan', '--rehearse', '--account-quota', '20', '--sandbox-file', file]);
    expect(told.stderr).not.toMatch(/\[account-quota\]/);
    expect(told.code).toBe(EXIT.changes);
    expect(told.stdout).toMatch(/✓ rehearsed: \d+ changes applied, converges/);
    expect(told.stdout).toContain('assumed: The account quota is 20, as given with --account-quota');

    const fromEnv = await orgops(['plan', '--sandbox-file', file], { env: { ORGOPS_ACCOUNT_QUOTA: '20' } });
    expect(fromEnv.code).toBe(EXIT.changes);
    // An unset repository variable reaches the workflow as an empty string: not given.
    const empty = await orgops(['plan', '--sandbox-file', file], { env: { ORGOPS_ACCOUNT_QUOTA: '' } });
    expect(empty.code).toBe(EXIT.error);
    expect(empty.stderr).toContain('[account-quota]');
  });

  it('refuses a bad --account-quota before reading anything', async () => {
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
