import { CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import { motoClients, motoOptions } from '@orgops/testkit/moto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackend } from '../src/index.ts';
import { useMotoPerTest } from './moto-per-test.ts';

let backend: AwsBackend;
let storeId: string;
const groups = new Map<string, string>();
const users = new Map<string, string>();

const moto = useMotoPerTest({ organization: false });
beforeEach(async () => {
  backend = await createAwsBackend(motoOptions(moto));
  const [instance] = await backend.ssoAdmin.listInstances();
  if (!instance) throw new Error('moto has no Identity Center instance');
  storeId = instance.identityStoreId;
  const seed = motoClients(moto).identityStore;
  groups.clear();
  users.clear();
  for (const name of ['Admins', 'Developers', 'Auditors']) {
    const out = await seed.send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: name }));
    groups.set(name, out.GroupId!);
  }
  for (const name of ['alice', 'bob', 'carol']) {
    const out = await seed.send(
      new CreateUserCommand({
        IdentityStoreId: storeId,
        UserName: name,
        DisplayName: name,
        Name: { GivenName: name, FamilyName: 'Example' },
      }),
    );
    users.set(name, out.UserId!);
  }
  seed.destroy();
  return () => backend.destroy();
});

describe('identitystore port against moto', () => {
  it('resolves group and user names with GetGroupId / GetUserId', async () => {
    expect(await backend.identityStore.getGroupId(storeId, 'Developers')).toBe(groups.get('Developers'));
    expect(await backend.identityStore.getUserId(storeId, 'bob')).toBe(users.get('bob'));
  });

  it('returns undefined for unknown names instead of throwing', async () => {
    expect(await backend.identityStore.getGroupId(storeId, 'Nobody')).toBeUndefined();
    expect(await backend.identityStore.getUserId(storeId, 'mallory')).toBeUndefined();
    expect(backend.stats().calls).toMatchObject({
      'identitystore:GetGroupId': 1,
      'identitystore:GetUserId': 1,
    });
  });

  it('lists groups and users across pages', async () => {
    const listedGroups = await backend.identityStore.listGroups(storeId);
    expect(listedGroups.map((g) => g.name).sort()).toEqual(['Admins', 'Auditors', 'Developers']);
    expect(listedGroups.find((g) => g.name === 'Admins')?.id).toBe(groups.get('Admins'));
    const listedUsers = await backend.identityStore.listUsers(storeId);
    expect(listedUsers.map((u) => u.name).sort()).toEqual(['alice', 'bob', 'carol']);
    // Three items at page size 2 take two pages each.
    expect(backend.stats().calls).toMatchObject({
      'identitystore:ListGroups': 2,
      'identitystore:ListUsers': 2,
    });
  });

  it('describes groups and users, undefined when the id is unknown', async () => {
    const admins = groups.get('Admins')!;
    expect(await backend.identityStore.describeGroup(storeId, admins)).toEqual({
      id: admins,
      name: 'Admins',
    });
    const alice = users.get('alice')!;
    expect(await backend.identityStore.describeUser(storeId, alice)).toEqual({ id: alice, name: 'alice' });
    const missing = '9067b4b8-70c1-7070-cd35-0000000000ff';
    expect(await backend.identityStore.describeGroup(storeId, missing)).toBeUndefined();
    expect(await backend.identityStore.describeUser(storeId, missing)).toBeUndefined();
  });
});
