import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxState } from '@orgops/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, workspaceRoot, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

// The example organization with one more account: the first edit a new user makes.
const grown = join(scratch.dir, 'grown');
writeTree(grown, {
  'index.ts': `import { account, defineOrganization } from '@orgops/model';
import example from '${join(workspaceRoot, 'accounts', 'src', 'index.ts')}';

export default defineOrganization({
  ...example,
  accounts: [
    ...example.accounts,
    account({ name: 'data-staging', email: 'aws+data-staging@example.com', parent: example.root }),
  ],
});
`,
});

const sandbox = join(scratch.dir, 'sandbox.json');
const setQuota = (maxAccounts: number) => {
  const state = JSON.parse(readFileSync(sandbox, 'utf8')) as SandboxState;
  state.quotas.maxAccounts = maxAccounts;
  writeFileSync(sandbox, JSON.stringify(state));
};

beforeAll(async () => {
  const apply = await orgops(['apply', '--auto-approve', '--sandbox-file', sandbox]);
  expect(apply.code).toBe(0);
}, 120_000);

describe('the account quota', () => {
  it('is checked at plan time: a located error naming the quota, the count and how to raise it', async () => {
    setQuota(10); // the AWS default, which the example organization fills exactly
    const plan = await orgops(['plan', '--config', grown, '--sandbox-file', sandbox]);
    expect(plan.code).toBe(1);
    // In-process the line comes through vitest's source maps; the file and the config path are what count here.
    expect(plan.stderr).toMatch(
      /error \[account-quota\] .*grown\/index\.ts:\d+:\d+ {2}accounts\[data-staging\]/,
    );
    expect(plan.stderr).toContain('holds 10 of its quota of 10 accounts');
    expect(plan.stderr).toContain(
      `Raise the quota to at least 11 (set quotas.maxAccounts in the sandbox file ${sandbox})`,
    );
    expect(plan.stdout).toBe('');
  }, 60_000);

  it('never suggests a retry that cannot succeed when apply hits it anyway', async () => {
    setQuota(11);
    const planFile = join(scratch.dir, 'plan.json');
    expect(
      (await orgops(['plan', '--config', grown, '--sandbox-file', sandbox, '--out', planFile])).code,
    ).toBe(2);
    setQuota(10); // the quota shrank (or another account appeared) between review and apply
    const apply = await orgops([
      'apply',
      planFile,
      '--auto-approve',
      '--config',
      grown,
      '--sandbox-file',
      sandbox,
    ]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('ACCOUNT_LIMIT_EXCEEDED');
    expect(apply.stderr).not.toContain('finishes the job');
    expect(apply.stderr).toContain(`Raise quotas.maxAccounts in the sandbox file ${sandbox}`);
    expect(apply.stderr).toContain('applying again without the fix fails the same way');
  }, 60_000);

  it('leaves a new sandbox room for the example organization to grow', async () => {
    const fresh = join(scratch.dir, 'fresh.json');
    const apply = await orgops(['apply', '--auto-approve', '--config', grown, '--sandbox-file', fresh]);
    expect(apply.stderr).not.toMatch(/✗|error/);
    expect(apply.code).toBe(0);
  }, 120_000);
});
