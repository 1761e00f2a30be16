import { describe, expect, it } from 'vitest';
import { ManualClock } from './drift-world.ts';
import { doc, INSTANCE, ROOT, SCP, sandbox } from './helpers.ts';

const T0 = Date.parse('2026-06-01T00:00:00Z');

describe('the sandbox records CloudTrail events as AWS does', () => {
  it('one event per write with its request parameters, none for reads, newest first', async () => {
    const clock = new ManualClock(T0);
    const sb = sandbox({ asyncPolls: 1, clock });
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', { owner: 'me' });
    clock.advance(1000);
    const p = await sb.organizations.createPolicy({
      type: SCP,
      name: 'deny',
      description: 'd',
      content: doc(),
      tags: {},
    });
    clock.advance(1000);
    await sb.organizations.attachPolicy(p.id, ou.id);
    await sb.organizations.listPolicies(SCP);
    const { arn } = await sb.ssoAdmin.createPermissionSet(INSTANCE, {
      name: 'Dev',
      sessionDuration: 'PT1H',
      tags: {},
    });
    await sb.ssoAdmin.createAccountAssignment(INSTANCE, {
      accountId: '100000000000',
      permissionSetArn: arn,
      principalType: 'GROUP',
      principalId: '00000000-0000-4000-8000-000000000001',
    });
    const events = await sb.cloudTrail!.lookupWriteEvents(new Date(T0), new Date(T0 + 10_000));
    expect(events.map((e) => `${e.source} ${e.name}`)).toEqual([
      'sso.amazonaws.com CreateAccountAssignment',
      'sso.amazonaws.com CreatePermissionSet',
      'organizations.amazonaws.com AttachPolicy',
      'organizations.amazonaws.com CreatePolicy',
      'organizations.amazonaws.com CreateOrganizationalUnit',
    ]);
    expect(events[4]).toMatchObject({
      time: '2026-06-01T00:00:00.000Z',
      request: { parentId: ROOT, name: 'Workloads', tags: [{ key: 'owner', value: 'me' }] },
    });
    expect(events[2]!.request).toEqual({ policyId: p.id, targetId: ou.id });
    expect(events[0]!.request).toEqual({
      instanceArn: INSTANCE,
      targetId: '100000000000',
      targetType: 'AWS_ACCOUNT',
      permissionSetArn: arn,
      principalType: 'GROUP',
      principalId: '00000000-0000-4000-8000-000000000001',
    });
    // The window is inclusive at both ends.
    expect(await sb.cloudTrail!.lookupWriteEvents(new Date(T0 + 1000), new Date(T0 + 1000))).toHaveLength(1);
  });

  it('records a failed call with its error code, and changes nothing', async () => {
    const clock = new ManualClock(T0);
    const sb = sandbox({ clock });
    await expect(sb.organizations.detachPolicy('p-FullAWSAccess', ROOT)).rejects.toThrow();
    const [event] = await sb.cloudTrail!.lookupWriteEvents(new Date(T0), new Date(T0));
    expect(event).toMatchObject({
      name: 'DetachPolicy',
      request: { policyId: 'p-FullAWSAccess', targetId: ROOT },
      errorCode: 'ConstraintViolationException',
    });
  });

  it('pages LookupEvents 50 at a time and keeps 90 days', async () => {
    const clock = new ManualClock(T0);
    const sb = sandbox({ clock });
    for (let i = 0; i < 120; i++) await sb.organizations.tagResource(ROOT, { n: String(i) });
    sb.resetStats();
    expect(await sb.cloudTrail!.lookupWriteEvents(new Date(T0), new Date(T0))).toHaveLength(120);
    expect(sb.stats().calls).toEqual({ 'cloudtrail:LookupEvents': 3 });
    clock.advance(91 * 24 * 3_600_000);
    expect(await sb.cloudTrail!.lookupWriteEvents(new Date(T0), new Date(clock.now()))).toHaveLength(0);
    await sb.organizations.tagResource(ROOT, { n: 'later' });
    expect(sb.exportState().events).toHaveLength(1);
  });
});
