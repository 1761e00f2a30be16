import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSandbox } from '@orgops/sandbox';
import { describe, expect, it } from 'vitest';
import { smallOrganization, useAppliedOrganization } from './applied-org.ts';
import { orgops } from './harness.ts';

const { args, dir, sandbox } = useAppliedOrganization(smallOrganization({ readOnly: {} }));
const baseline = join(dir, 'baseline.json');

type Report = { drift: { class: string; address: string }[]; read?: Record<string, unknown> };

describe('orgops drift --since / --baseline', () => {
  it('reads everything the first time and keeps it; then re-reads only what CloudTrail shows, reporting what a full read does', async () => {
    const first = await orgops(args('drift', '--baseline', baseline, '--format', 'json'));
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Full read: there is no earlier full read to continue from.');
    expect((JSON.parse(first.stdout) as Report).read).toMatchObject({ mode: 'full', baseline });
    expect(existsSync(baseline)).toBe(true);

    // An out-of-band session: it locks the sandbox as any writer must, and each change is saved.
    const backend = await openSandbox(sandbox, { lock: true });
    const org = backend.organizations;
    const root = (await org.listRoots())[0]!;
    const denyLeave = (await org.listPolicies('SERVICE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-leave',
    )!;
    await org.detachPolicy(denyLeave.id, root.id);
    const app = (await org.listAccounts()).find((a) => a.name === 'app')!;
    await org.tagResource(app.id, { team: 'edited' });
    await backend.close();

    const incremental = await orgops(args('drift', '--baseline', baseline, '--format', 'json'));
    const full = await orgops(args('drift', '--format', 'json'));
    expect(incremental.code).toBe(2);
    expect(incremental.stderr).toMatch(
      /Incremental read: 2 Organizations and Identity Center write event\(s\) in CloudTrail since .*; re-read 0 parent\(s\) listed, 1 OU\/account tag set\(s\), 1 policy, 0 permission set\(s\), 0 assignment pair\(s\)\./,
    );
    const got = JSON.parse(incremental.stdout) as Report;
    expect(got.read).toMatchObject({ mode: 'incremental', events: 2 });
    expect(got.drift).toEqual((JSON.parse(full.stdout) as Report).drift);
    expect(got.drift.map((d) => `${d.class} ${d.address}`).sort()).toEqual([
      'changed-outside account/aws+app@example.com',
      'deleted-outside attachment/SERVICE_CONTROL_POLICY/deny-leave@/',
    ]);
  });

  it('reads everything when --since is later than the baseline, and saves that read', async () => {
    const later = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const run = await orgops(args('drift', '--baseline', baseline, '--since', later));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Full read: --since .* is later than the last full read .*: writes between them would be missed\./,
    );
  });

  it('refuses a --since that is not a time, and changes nothing', async () => {
    const run = await orgops(args('drift', '--since', 'yesterday'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "--since 'yesterday' is not a time. Give an ISO 8601 date or UTC time, such as 2026-06-01 or 2026-06-01T06:00:00Z",
    );
  });
});
