import { openSandbox } from '@orgops/sandbox';
import { describe, expect, it } from 'vitest';
import { smallOrganization, useAppliedOrganization } from './applied-org.ts';
import { orgops } from './harness.ts';

const { args, sandbox } = useAppliedOrganization(smallOrganization({ managementAccount: true }));

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
