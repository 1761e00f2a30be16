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
  'index.ts': `import { account, assign, defineOrganization, FullAWSAccess, group, organizationalUnit, organizationRoot,
  permissionSet, serviceControlPolicy, trustedService } from '@orgops/model';
const denyLeave = serviceControlPolicy({ name: 'deny-leave', content: { Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } });
export const root = organizationRoot({ policies: [FullAWSAccess, denyLeave] });
const apps = organizationalUnit('Apps', { parent: root });
const readOnly = permissionSet({ name: 'ReadOnly', sessionDuration: 'PT2H', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
export default defineOrganization({
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  root,
  organizationalUnits: [apps],
  accounts: [account({ name: 'app', email: 'aws+app@example.com', parent: apps })],
  defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
  permissionSets: [readOnly],
  assignments: [assign(group('read-only'), readOnly, [apps])],
  trustedServices: [trustedService('sso.amazonaws.com')],
});
`,
});

beforeAll(async () => {
  const run = await orgops(args('apply', '--auto-approve'));
  expect(run.code).toBe(0);
}, 60_000);

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
