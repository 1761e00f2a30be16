import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { openSandbox } from '../src/index.ts';
import { expectAwsError, INSTANCE, MGMT, ROOT, SCP, STORE, sandbox } from './helpers.ts';

describe('seed organization', () => {
  it('has the documented organization, root, management account and FullAWSAccess attachments', async () => {
    const sb = sandbox();
    const org = await sb.organizations.describeOrganization();
    expect(org).toMatchObject({
      id: 'o-sandbox00001',
      featureSet: 'ALL',
      managementAccountId: MGMT,
      managementAccountEmail: 'aws-management@example.com',
    });
    expect(org.id).toMatch(/^o-[a-z0-9]{10,32}$/);
    const [root] = await sb.organizations.listRoots();
    expect(root).toEqual({ id: ROOT, name: 'Root', policyTypes: [{ type: SCP, status: 'ENABLED' }] });
    expect(root!.id).toMatch(/^r-[0-9a-z]{4,32}$/);
    expect(await sb.organizations.listAccountsForParent(ROOT)).toEqual([
      {
        id: MGMT,
        name: 'management',
        email: 'aws-management@example.com',
        state: 'ACTIVE',
        joinedMethod: 'CREATED',
      },
    ]);
    const targets = await sb.organizations.listTargetsForPolicy('p-FullAWSAccess');
    expect(targets.map((t) => t.targetId).sort()).toEqual([MGMT, ROOT].sort());
    expect(await sb.organizations.listAWSServiceAccessForOrganization()).toEqual(['sso.amazonaws.com']);
  });

  it('has an Identity Center instance with exactly the seeded groups and users', async () => {
    const sb = sandbox();
    expect(await sb.ssoAdmin.listInstances()).toEqual([
      { instanceArn: INSTANCE, identityStoreId: STORE, ownerAccountId: MGMT },
    ]);
    expect(INSTANCE).toMatch(/^arn:aws:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/);
    expect(STORE).toMatch(/^d-[0-9a-f]{10}$/);
    const groups = await sb.identityStore.listGroups(STORE);
    expect(groups.map((g) => g.name)).toEqual([
      'platform-admins',
      'developers',
      'security-auditors',
      'incident-responders',
      'read-only',
      'finops',
    ]);
    expect((await sb.identityStore.listUsers(STORE)).map((u) => u.name)).toEqual(['alice', 'bob', 'carol']);
    for (const g of groups)
      expect(g.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await sb.identityStore.getGroupId(STORE, 'developers')).toBe(groups[1]!.id);
    expect(await sb.identityStore.getGroupId(STORE, 'nobody')).toBeUndefined();
    expect(await sb.identityStore.describeUser(STORE, 'missing')).toBeUndefined();
  });
});

describe('call statistics', () => {
  it('counts each call per service:Operation, list calls per page of AWS maximum size', async () => {
    const sb = sandbox({ asyncPolls: 1 });
    for (let i = 0; i < 25; i++) await sb.organizations.createOrganizationalUnit(ROOT, `ou-${i}`, {});
    sb.resetStats();
    await sb.organizations.listOrganizationalUnitsForParent(ROOT); // 25 OUs: 2 pages of 20
    await sb.organizations.listAccounts(); // 1 account: 1 page
    await sb.identityStore.listGroups(STORE); // 6 groups: 1 page of 100
    await sb.organizations.describeOrganization();
    expect(sb.stats()).toEqual({
      calls: {
        'organizations:ListOrganizationalUnitsForParent': 2,
        'organizations:ListAccounts': 1,
        'identitystore:ListGroups': 1,
        'organizations:DescribeOrganization': 1,
      },
      total: 5,
    });
  });

  it('fails exactly the call the failOn hook names', async () => {
    const boom = new ServiceError(
      'organizations',
      'CreateOrganizationalUnit',
      'ServiceException',
      'injected',
    );
    const sb = sandbox({
      failOn: (op, n) => (op === 'organizations:CreateOrganizationalUnit' && n === 2 ? boom : undefined),
    });
    await sb.organizations.createOrganizationalUnit(ROOT, 'a', {});
    await expectAwsError(sb.organizations.createOrganizationalUnit(ROOT, 'b', {}), 'ServiceException');
    await sb.organizations.createOrganizationalUnit(ROOT, 'c', {});
    expect((await sb.organizations.listOrganizationalUnitsForParent(ROOT)).map((o) => o.name)).toEqual([
      'a',
      'c',
    ]);
  });
});

describe('openSandbox', () => {
  it('creates the file with the seed, persists changes atomically on flush, and reloads them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgops-sbx-'));
    const file = join(dir, 'nested', 'org.json');
    const sb = await openSandbox(file, { lock: true });
    expect(sb.location).toBe(file);
    const orgId = JSON.parse(await readFile(file, 'utf8')).organization.id as string;
    expect(orgId).toMatch(/^o-[a-z0-9]{10,32}$/);
    const other = await openSandbox(join(dir, 'other.json'));
    expect((await other.organizations.describeOrganization()).id).not.toBe(orgId);
    const ou = await sb.organizations.createOrganizationalUnit(ROOT, 'Workloads', { team: 'platform' });
    await sb.close();
    expect(
      (await readdir(join(dir, 'nested'))).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')),
    ).toEqual([]);
    const again = await openSandbox(file);
    expect(await again.organizations.listOrganizationalUnitsForParent(ROOT)).toEqual([
      { id: ou.id, name: 'Workloads' },
    ]);
    expect(await again.organizations.listTagsForResource(ou.id)).toEqual({ team: 'platform' });
  });

  it('refuses a file that is not a sandbox state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgops-sbx-'));
    const file = join(dir, 'org.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{"hello":1}');
    await expect(openSandbox(file)).rejects.toMatchObject({ code: 'sandbox-version' });
    await writeFile(file, 'not json');
    await expect(openSandbox(file)).rejects.toMatchObject({ code: 'sandbox-corrupt' });
  });
});
