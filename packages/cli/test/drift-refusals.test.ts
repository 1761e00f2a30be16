import { join } from 'node:path';
import { openSandbox } from '@orgops/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgops, scratchDir, writeTree } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);
const configDir = join(scratch.dir, 'org');
const sandbox = join(scratch.dir, 'sandbox.json');
const args = (...extra: string[]) => [...extra, '--config', configDir, '--sandbox-file', sandbox];

writeTree(configDir, {
  'index.ts': `import { account, defineOrganization, FullAWSAccess, managementAccount, organizationalUnit, organizationRoot,
  serviceControlPolicy, trustedService } from '@orgops/model';
const denyLeave = serviceControlPolicy({ name: 'deny-leave', content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
const apps = organizationalUnit('Apps', { parent: root });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: [
    managementAccount({ name: 'management', email: 'aws-management@example.com', parent: root }),
    account({ name: 'app', email: 'aws+app@example.com', parent: apps }),
  ],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  trustedServices: [trustedService('sso.amazonaws.com')],
});
`,
});

beforeAll(async () => {
  const run = await orgops(args('apply', '--auto-approve'));
  expect(run.code).toBe(0);
}, 60_000);

describe('issue 12 item 4: orgops drift with an account the config does not list', () => {
  it('reports it as "not in config" beside every other difference, and exits 2', async () => {
    const backend = await openSandbox(sandbox, { lock: true });
    const org = backend.organizations;
    const started = await org.createAccount({ name: 'shadow', email: 'Shadow@Example.com', tags: {} });
    for (let i = 0; i < 20; i++)
      if ((await org.describeCreateAccountStatus(started.requestId)).state !== 'IN_PROGRESS') break;
    const root = (await org.listRoots())[0]!;
    const denyLeave = (await org.listPolicies('SERVICE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-leave',
    )!;
    await org.detachPolicy(denyLeave.id, root.id);
    await backend.close();

    const drift = await orgops(args('drift', '--format', 'json'));
    expect(drift.code).toBe(2);
    const report = JSON.parse(drift.stdout) as {
      drift: { class: string; address: string; description: string; remedy: string }[];
    };
    expect(report.drift.map((d) => [d.class, d.address])).toEqual([
      ['deleted-outside', 'attachment/SERVICE_CONTROL_POLICY/deny-leave@/'],
      ['not-in-config', 'account/shadow@example.com'],
    ]);
    expect(report.drift[1]!.remedy).toContain('ignore.accounts');

    const text = await orgops(args('drift'));
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('not in config (1)');
    expect(text.stdout).toContain('Account shadow');
    expect(text.stderr).not.toMatch(/internal error/);

    // plan still refuses: nothing may be applied while an account is unaccounted for.
    const plan = await orgops(args('plan'));
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('account-not-in-config');
  });
});
