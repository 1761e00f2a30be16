import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir, writeTree } from './harness.ts';
import { appsOrganization, orgopsAws, useMotoOrganization } from './moto-harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);
const org = useMotoOrganization();

const configDir = join(scratch.dir, 'org');
writeTree(configDir, {
  'index.ts': appsOrganization(
    "[account({ name: 'app', email: 'aws+app@example.com', parent: apps, tags: { env: 'dev' } })]",
  ),
});

/** The CLI in-process, `--backend aws` through the standard AWS_* environment set for moto. */
const cli = (...args: string[]) => orgopsAws(...args, '--config', configDir);

describe('orgops --backend aws against moto (real SDK over HTTP, standard AWS_* environment)', () => {
  it('plans, applies and converges, naming the AWS organization', async () => {
    const plan = await cli('plan', '--stats');
    expect(plan.stderr).not.toMatch(/internal error/);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`AWS`);
    expect(plan.stdout).toContain(org.orgId);
    expect(plan.stderr).toMatch(/organizations:ListRoots\s+\d+/);

    const apply = await cli('apply', '--auto-approve');
    expect(apply.stderr).not.toMatch(/✗/);
    expect(apply.code).toBe(0);

    const again = await cli('plan');
    expect(again.stdout).toContain('No changes');
    expect(again.code).toBe(0);

    // explain and can ask what AWS holds: the account's id, and the guardrail on its OU.
    const explain = await cli('explain', 'app', '--format', 'json');
    expect(explain.code, explain.stderr).toBe(0);
    const e = JSON.parse(explain.stdout) as {
      source: string;
      account: { id: string };
      levels: { label: string; serviceControlPolicies: { name: string }[] }[];
    };
    expect(e.source).toBe('live');
    expect(e.account.id).toMatch(/^\d{12}$/);
    expect(e.levels.map((l) => [l.label, l.serviceControlPolicies.map((p) => p.name)])).toEqual([
      ['root', ['FullAWSAccess']],
      ['/Apps', ['FullAWSAccess', 'deny-leave']],
      ['account app', ['FullAWSAccess']],
    ]);
    const leave = await cli('can', 'root', 'organizations:LeaveOrganization', '--account', 'app');
    expect(leave.code, leave.stderr).toBe(2);
    expect(leave.stdout).toContain(`in app (${e.account.id})? No.`);
    expect(leave.stdout).toContain('SCP deny-leave');
    expect(leave.stdout).toContain(`From AWS organization ${org.orgId}.`);
  }, 180_000);
});
