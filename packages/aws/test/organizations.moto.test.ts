import { isServiceError } from '@orgops/live';
import { motoOptions } from '@orgops/testkit/moto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AwsBackend,
  createAwsBackend,
  createAwsBackendFromClients,
  createAwsClients,
  MANAGEMENT_ACCOUNT_ONLY_OPERATIONS,
} from '../src/index.ts';
import { useMotoPerTest } from './moto-per-test.ts';

const SCP = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
});

let backend: AwsBackend;

const moto = useMotoPerTest();
beforeEach(async () => {
  backend = await createAwsBackend(motoOptions(moto));
  return () => backend.destroy();
});

async function rootId(): Promise<string> {
  const [root] = await backend.organizations.listRoots();
  if (!root) throw new Error('moto organization has no root');
  return root.id;
}

async function createAccount(name: string): Promise<string> {
  const status = await backend.organizations.createAccount({ email: `${name}@example.com`, name, tags: {} });
  const done = await backend.organizations.describeCreateAccountStatus(status.requestId);
  if (!done.accountId) throw new Error(`account ${name} was not created: ${JSON.stringify(done)}`);
  return done.accountId;
}

describe('organizations port against moto', () => {
  it('describes the organization and its management account', async () => {
    const org = await backend.organizations.describeOrganization();
    expect(org.id).toMatch(/^o-[a-z0-9]{10,32}$/);
    expect(org.featureSet).toBe('ALL');
    expect(org.managementAccountId).toBe('123456789012');
    expect(org.managementAccountEmail).toBe('master@example.com');
    expect(backend.stats().calls).toEqual({ 'organizations:DescribeOrganization': 1 });
  });

  it('lists the root', async () => {
    const roots = await backend.organizations.listRoots();
    expect(roots).toHaveLength(1);
    expect(roots[0]?.id).toMatch(/^r-[0-9a-z]{4,32}$/);
    expect(roots[0]?.name).toBe('Root');
    expect(roots[0]?.policyTypes).toEqual([]);
  });

  it('creates, renames, lists (paginated) and deletes OUs', async () => {
    const root = await rootId();
    const created = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      created.push(
        await backend.organizations.createOrganizationalUnit(root, name, name === 'a' ? { team: 'x' } : {}),
      );
    }
    expect(created.map((ou) => ou.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const a = created[0]!;
    expect(await backend.organizations.listTagsForResource(a.id)).toEqual({ team: 'x' });

    await backend.organizations.updateOrganizationalUnit(a.id, 'a-renamed');
    await backend.organizations.deleteOrganizationalUnit(created[4]!.id);
    const before = backend.stats().calls['organizations:ListOrganizationalUnitsForParent'] ?? 0;
    const listed = await backend.organizations.listOrganizationalUnitsForParent(root);
    expect(listed.map((ou) => ou.name).sort()).toEqual(['a-renamed', 'b', 'c', 'd']);
    // pageSize 2: four OUs take two full pages (moto sends a token after the second).
    const pages = (backend.stats().calls['organizations:ListOrganizationalUnitsForParent'] ?? 0) - before;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);

    const parents = await backend.organizations.listParents(a.id);
    expect(parents).toEqual([{ id: root, type: 'ROOT' }]);
  });

  it('creates accounts, maps State, moves and closes them', async () => {
    const root = await rootId();
    const status = await backend.organizations.createAccount({
      email: 'dev@example.com',
      name: 'dev',
      tags: { env: 'dev' },
    });
    expect(status.requestId).toMatch(/^car-/);
    expect(['IN_PROGRESS', 'SUCCEEDED']).toContain(status.state);
    const done = await backend.organizations.describeCreateAccountStatus(status.requestId);
    expect(done.state).toBe('SUCCEEDED');
    const dev = done.accountId!;
    expect(dev).toMatch(/^\d{12}$/);
    expect(await backend.organizations.listTagsForResource(dev)).toEqual({ env: 'dev' });
    await createAccount('prod');
    await createAccount('logs');

    const accounts = await backend.organizations.listAccounts();
    expect(accounts).toHaveLength(4);
    expect(accounts.find((a) => a.id === dev)).toEqual({
      id: dev,
      name: 'dev',
      email: 'dev@example.com',
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
    });
    expect(backend.stats().calls['organizations:ListAccounts']).toBe(2);

    const workloads = await backend.organizations.createOrganizationalUnit(root, 'workloads', {});
    await backend.organizations.moveAccount(dev, root, workloads.id);
    expect(await backend.organizations.listParents(dev)).toEqual([
      { id: workloads.id, type: 'ORGANIZATIONAL_UNIT' },
    ]);
    expect((await backend.organizations.listAccountsForParent(workloads.id)).map((a) => a.id)).toEqual([dev]);
    expect((await backend.organizations.listAccountsForParent(root)).map((a) => a.name).sort()).toEqual([
      'logs',
      'master',
      'prod',
    ]);

    await backend.organizations.closeAccount(dev);
    const closed = (await backend.organizations.listAccounts()).find((a) => a.id === dev);
    expect(closed?.state).toBe('SUSPENDED');
  });

  it('tags and untags resources', async () => {
    const root = await rootId();
    const ou = await backend.organizations.createOrganizationalUnit(root, 'tagged', {});
    await backend.organizations.tagResource(ou.id, { owner: 'platform', cost: '42' });
    await backend.organizations.untagResource(ou.id, ['cost']);
    expect(await backend.organizations.listTagsForResource(ou.id)).toEqual({ owner: 'platform' });
    // Empty inputs make no call: AWS rejects empty tag lists.
    await backend.organizations.tagResource(ou.id, {});
    await backend.organizations.untagResource(ou.id, []);
    expect(backend.stats().calls['organizations:TagResource']).toBe(1);
    expect(backend.stats().calls['organizations:UntagResource']).toBe(1);
  });

  it('manages policies: create, describe (content as stored), update, attach, detach, delete', async () => {
    const root = await rootId();
    await backend.organizations.enablePolicyType(root, 'SERVICE_CONTROL_POLICY');
    const ou = await backend.organizations.createOrganizationalUnit(root, 'guarded', {});
    const spaced = `{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]\n}`;
    const created = await backend.organizations.createPolicy({
      type: 'SERVICE_CONTROL_POLICY',
      name: 'deny-s3',
      description: '',
      content: spaced,
      tags: { owner: 'security' },
    });
    expect(created).toMatchObject({ name: 'deny-s3', type: 'SERVICE_CONTROL_POLICY', awsManaged: false });
    const described = await backend.organizations.describePolicy(created.id);
    expect(described.content).toBe(spaced);
    expect(described.description).toBe('');

    await backend.organizations.updatePolicy({ policyId: created.id, description: 'no s3', content: SCP });
    const updated = await backend.organizations.describePolicy(created.id);
    expect(updated).toMatchObject({ name: 'deny-s3', description: 'no s3', content: SCP });

    await backend.organizations.attachPolicy(created.id, ou.id);
    const targets = await backend.organizations.listTargetsForPolicy(created.id);
    expect(targets).toEqual([{ targetId: ou.id, type: 'ORGANIZATIONAL_UNIT' }]);
    const onOu = await backend.organizations.listPoliciesForTarget(ou.id, 'SERVICE_CONTROL_POLICY');
    expect(onOu.map((p) => p.name).sort()).toEqual(['FullAWSAccess', 'deny-s3']);
    expect(onOu.find((p) => p.name === 'FullAWSAccess')?.awsManaged).toBe(true);

    const all = await backend.organizations.listPolicies('SERVICE_CONTROL_POLICY');
    expect(all.map((p) => p.id).sort()).toEqual(['p-FullAWSAccess', created.id].sort());

    await backend.organizations.detachPolicy(created.id, ou.id);
    expect(await backend.organizations.listTargetsForPolicy(created.id)).toEqual([]);
    await backend.organizations.deletePolicy(created.id);
    const err = await backend.organizations.describePolicy(created.id).catch((e: unknown) => e);
    expect(isServiceError(err, 'PolicyNotFoundException')).toBe(true);
    expect(String((err as Error).message)).toContain('organizations:DescribePolicy: PolicyNotFoundException');
  });

  it('enables and disables policy types on the root', async () => {
    const root = await rootId();
    await backend.organizations.enablePolicyType(root, 'TAG_POLICY');
    expect((await backend.organizations.listRoots())[0]?.policyTypes).toEqual([
      { type: 'TAG_POLICY', status: 'ENABLED' },
    ]);
    await backend.organizations.disablePolicyType(root, 'TAG_POLICY');
    expect((await backend.organizations.listRoots())[0]?.policyTypes).toEqual([]);
  });

  it('enables and disables trusted service access (paginated listing)', async () => {
    const principals = ['sso.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com'];
    for (const p of principals) await backend.organizations.enableAWSServiceAccess(p);
    expect((await backend.organizations.listAWSServiceAccessForOrganization()).slice().sort()).toEqual(
      principals.slice().sort(),
    );
    await backend.organizations.disableAWSServiceAccess('config.amazonaws.com');
    expect((await backend.organizations.listAWSServiceAccessForOrganization()).slice().sort()).toEqual([
      'guardduty.amazonaws.com',
      'sso.amazonaws.com',
    ]);
  });

  it('registers and deregisters delegated administrators', async () => {
    const security = await createAccount('security');
    await backend.organizations.enableAWSServiceAccess('guardduty.amazonaws.com');
    await backend.organizations.enableAWSServiceAccess('macie.amazonaws.com');
    await backend.organizations.registerDelegatedAdministrator(security, 'guardduty.amazonaws.com');
    await backend.organizations.registerDelegatedAdministrator(security, 'macie.amazonaws.com');
    expect(await backend.organizations.listDelegatedAdministrators()).toEqual([
      { id: security, email: 'security@example.com' },
    ]);
    expect((await backend.organizations.listDelegatedServicesForAccount(security)).slice().sort()).toEqual([
      'guardduty.amazonaws.com',
      'macie.amazonaws.com',
    ]);
    await backend.organizations.deregisterDelegatedAdministrator(security, 'guardduty.amazonaws.com');
    expect(await backend.organizations.listDelegatedServicesForAccount(security)).toEqual([
      'macie.amazonaws.com',
    ]);
  });

  it('maps AWS errors to ServiceError naming service, operation and code', async () => {
    const err = await backend.organizations
      .registerDelegatedAdministrator('123456789012', 'guardduty.amazonaws.com')
      .catch((e: unknown) => e);
    expect(isServiceError(err, 'ConstraintViolationException')).toBe(true);
    expect(err).toMatchObject({ service: 'organizations', operation: 'RegisterDelegatedAdministrator' });
    expect((err as Error).message).toBe(
      'organizations:RegisterDelegatedAdministrator: ConstraintViolationException: You cannot register master account/yourself as delegated administrator for your organization.',
    );
    // A final client error is not retried.
    expect(backend.stats().totalRetries).toBe(0);
  });

  it('reports where it points and who is calling', async () => {
    expect(backend.location).toBe(`aws (us-east-1, supplied credentials, endpoint ${moto.endpoint})`);
    expect(backend.regions).toEqual({ organizations: 'us-east-1', ssoAdmin: 'us-east-1' });
    const me = await backend.callerIdentity();
    expect(me).toMatchObject({
      accountId: '123456789012',
      managementAccountId: '123456789012',
      isManagementAccount: true,
    });
    expect(await backend.callerIsManagementAccount()).toBe(true);
    // Memoized: one STS call and one DescribeOrganization however often it is asked.
    expect(backend.stats().calls).toEqual({
      'organizations:DescribeOrganization': 1,
      'sts:GetCallerIdentity': 1,
    });
  });

  it('detects a caller that is not the management account (delegated administrator)', async () => {
    const { clients, location, regions } = await createAwsClients(motoOptions(moto));
    // moto answers GetCallerIdentity for the account named in this header.
    clients.sts.middlewareStack.add(
      (next) => async (args) => {
        const request = (args as { request?: { headers?: Record<string, string> } }).request;
        if (request?.headers) request.headers['x-moto-account-id'] = '111111111111';
        return next(args);
      },
      { step: 'build', name: 'actAsMemberAccount' },
    );
    const delegated = createAwsBackendFromClients(clients, { location, regions });
    try {
      expect(await delegated.callerIdentity()).toMatchObject({
        accountId: '111111111111',
        managementAccountId: '123456789012',
        isManagementAccount: false,
      });
      expect(await delegated.callerIsManagementAccount()).toBe(false);
    } finally {
      delegated.destroy();
    }
    expect(MANAGEMENT_ACCOUNT_ONLY_OPERATIONS.map((o) => o.method)).toContain('createAccount');
  });
});
