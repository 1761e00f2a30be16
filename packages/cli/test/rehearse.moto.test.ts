import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAwsBackend } from '@orgops/aws';
import type { Plan, Snapshot } from '@orgops/engine';
import { readSnapshot } from '@orgops/live';
import { createSandbox, twinState } from '@orgops/sandbox';
import { motoOptions } from '@orgops/testkit/moto';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/exit-codes.ts';
import { scratchDir, writeTree } from './harness.ts';
import { appsOrganization, orgopsAws as cli, useMotoOrganization } from './moto-harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);
const organization = useMotoOrganization();

/** A config with `members` member accounts in one OU, an SCP on it, and Identity Center trusted. */
function config(dir: string, members: number): string {
  writeTree(dir, {
    'index.ts': appsOrganization(`Array.from({ length: ${members} }, (_, i) =>
    account({ name: \`app-\${i}\`, email: \`aws+app-\${i}@example.com\`, parent: apps, tags: { env: 'dev' } }))`),
  });
  return dir;
}

/** The `--stats` table: `service:Operation` -> calls, and the total (the time is left out). */
function awsCalls(stderr: string): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const m of stderr.matchAll(/^([a-z-]+:[A-Za-z]+|total)\s+(\d+)/gm)) calls[m[1] ?? ''] = Number(m[2]);
  return calls;
}

const WRITES =
  /^(Create|Update|Delete|Attach|Detach|Move|Close|Enable|Disable|Register|Deregister|Tag|Untag|Put|Provision)/;

describe('orgops plan --rehearse against moto (real SDK over HTTP)', () => {
  it('makes no AWS write and no AWS read beyond the plan’s own: the call counts are the plan’s', async () => {
    const org = config(join(scratch.dir, 'small'), 3);
    const plain = await cli('plan', '--stats', '--config', org);
    expect(plain.stderr).not.toMatch(/internal error/);
    expect(plain.code).toBe(EXIT.changes);
    const out = join(scratch.dir, 'rehearsed.json');
    const rehearsed = await cli('plan', '--rehearse', '--stats', '--config', org, '--out', out);
    expect(rehearsed.stderr).not.toMatch(/internal error/);
    expect(rehearsed.code).toBe(EXIT.changes);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    expect(rehearsed.stdout).toContain(`✓ rehearsed: ${plan.summary.total} changes applied, converges`);

    const calls = awsCalls(rehearsed.stderr);
    expect(calls).toEqual(awsCalls(plain.stderr));
    expect(calls.total).toBeGreaterThan(10);
    expect(Object.keys(calls).filter((op) => WRITES.test(op.split(':')[1] ?? ''))).toEqual([]);
    expect(rehearsed.stderr).toMatch(
      /rehearsal: \d+\.\d\d s, \d+ calls to the in-memory twin, none to the organization/,
    );

    // moto is as it was: the same plan again.
    const after = await cli('plan', '--config', org);
    expect(after.stdout.split('\n').at(-2)).toBe(plain.stdout.split('\n').at(-2));
  }, 120_000);

  it('seeds a twin from a moto snapshot that reads back as that snapshot', async () => {
    const org = config(join(scratch.dir, 'applied'), 3);
    expect((await cli('apply', '--auto-approve', '--config', org)).code).toBe(EXIT.ok);
    const options = { policyTypes: ['SERVICE_CONTROL_POLICY'] };
    const snapshot = await readSnapshot(await createAwsBackend(motoOptions(organization.moto)), options);
    expect(snapshot.accounts).toHaveLength(4);
    const seed = twinState(snapshot);
    const twin = await readSnapshot(createSandbox(seed.state), options);
    // moto serves no account quota, so the twin holds the one it assumed, and says so.
    expect(snapshot.quotas?.maxAccountsUnreadable).toBeDefined();
    expect(twin.quotas).toEqual({ maxAccounts: 10 });
    expect(seed.assumptions[0]?.text).toMatch(/^The account quota could not be read \(service-quotas:/);
    const { source: _a, quotas: _qa, ...fromMoto } = snapshot;
    const { source: _b, quotas: _qb, ...fromTwin } = twin as Snapshot;
    expect(fromTwin).toEqual(fromMoto);
  }, 120_000);

  it('exits 3 for a plan AWS would refuse part way: more accounts than the quota', async () => {
    // moto does not serve the account quota, so the twin assumes AWS's default of 10; the
    // management account and 10 members are one too many.
    const org = config(join(scratch.dir, 'big'), 10);
    const run = await cli('plan', '--rehearse', '--config', org);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(EXIT.rehearsalBlocked);
    expect(run.stdout).toMatch(/✗ rehearsal blocked: AWS would refuse 1 of \d+ changes/);
    expect(run.stdout).toContain('organizations:CreateAccount: ACCOUNT_LIMIT_EXCEEDED');
    expect(run.stdout).toContain('assumed: The account quota');

    const told = await cli('plan', '--rehearse', '--account-quota', '20', '--config', org);
    expect(told.code).toBe(EXIT.changes);
    expect(told.stdout).toMatch(/✓ rehearsed: \d+ changes applied, converges/);
  }, 120_000);
});
