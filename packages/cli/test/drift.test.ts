import { openSandbox } from '@orgops/sandbox';
import { describe, expect, it } from 'vitest';
import { smallOrganization, useAppliedOrganization } from './applied-org.ts';
import { orgops } from './harness.ts';

const { args, sandbox } = useAppliedOrganization(
  smallOrganization({ readOnly: { sessionDuration: 'PT2H' } }),
);

describe('orgops drift', () => {
  it('classifies every change made outside orgops, and apply brings the organization back', async () => {
    const backend = await openSandbox(sandbox, { lock: true });
    const org = backend.organizations;
    const sso = backend.ssoAdmin;
    const root = (await org.listRoots())[0]!;
    const denyLeave = (await org.listPolicies('SERVICE_CONTROL_POLICY')).find(
      (p) => p.name === 'deny-leave',
    )!;
    await org.detachPolicy(denyLeave.id, root.id); // deleted outside orgops
    const [instance] = await sso.listInstances();
    const store = instance!.identityStoreId;
    const admins = (await backend.identityStore.getGroupId(store, 'platform-admins'))!;
    const psArn = (await sso.listPermissionSets(instance!.instanceArn))[0]!;
    const app = (await org.listAccounts()).find((a) => a.email === 'aws+app@example.com')!;
    const request = await sso.createAccountAssignment(instance!.instanceArn, {
      accountId: app.id,
      permissionSetArn: psArn,
      principalType: 'GROUP',
      principalId: admins,
    }); // created outside
    for (let i = 0; i < 10; i++) {
      if (
        (await sso.describeAccountAssignmentCreationStatus(instance!.instanceArn, request.requestId))
          .status !== 'IN_PROGRESS'
      )
        break;
    }
    await sso.updatePermissionSet(instance!.instanceArn, { arn: psArn, sessionDuration: 'PT8H' }); // changed outside, and not re-provisioned
    await backend.close();

    const drift = await orgops(args('drift', '--format', 'json'));
    expect(drift.code).toBe(2);
    const report = JSON.parse(drift.stdout) as { drift: { class: string; address: string }[] };
    const byClass = (cls: string) =>
      report.drift
        .filter((d) => d.class === cls)
        .map((d) => d.address)
        .sort();
    expect(byClass('deleted-outside')).toEqual(['attachment/SERVICE_CONTROL_POLICY/deny-leave@/']);
    expect(byClass('created-outside')).toEqual([
      'assignment/GROUP:platform-admins/ReadOnly/aws+app@example.com',
    ]);
    expect(byClass('changed-outside')).toEqual(['permission-set/ReadOnly', 'provision/ReadOnly']);

    const text = await orgops(args('drift'));
    expect(text.stdout).toContain('created outside orgops');
    expect(text.stdout).toContain('platform-admins was given ReadOnly in app');

    const fix = await orgops(args('apply', '--auto-approve'));
    expect(fix.code).toBe(0);
    const clean = await orgops(args('drift'));
    expect(clean.code).toBe(0);
  }, 60_000);
});
