import { describe, expect, it } from 'vitest';
import { IdentityLookup } from '../src/identity-lookup.ts';
import type { IdentityStorePort } from '../src/ports.ts';

function fakeStore() {
  const calls: string[] = [];
  const groups = [{ id: 'g-1', name: 'developers' }];
  const users = [{ id: 'u-1', name: 'alice' }];
  const port: IdentityStorePort = {
    async getGroupId(_s, name) {
      calls.push(`GetGroupId ${name}`);
      return groups.find((g) => g.name === name)?.id;
    },
    async getUserId(_s, name) {
      calls.push(`GetUserId ${name}`);
      return users.find((u) => u.name === name)?.id;
    },
    async listGroups() {
      calls.push('ListGroups');
      return groups;
    },
    async listUsers() {
      calls.push('ListUsers');
      return users;
    },
    async describeGroup(_s, id) {
      calls.push(`DescribeGroup ${id}`);
      return groups.find((g) => g.id === id);
    },
    async describeUser(_s, id) {
      calls.push(`DescribeUser ${id}`);
      return users.find((u) => u.id === id);
    },
  };
  return { port, calls };
}

describe('IdentityLookup', () => {
  it('resolves each name once, misses included, and answers the reverse lookup from the cache', async () => {
    const { port, calls } = fakeStore();
    const lookup = new IdentityLookup(port, 'd-0000000000');
    const [a, b] = await Promise.all([
      lookup.idOf('GROUP', 'developers'),
      lookup.idOf('GROUP', 'developers'),
    ]);
    expect([a, b]).toEqual(['g-1', 'g-1']);
    expect(await lookup.idOf('USER', 'nobody')).toBeUndefined();
    expect(await lookup.idOf('USER', 'nobody')).toBeUndefined();
    expect(await lookup.nameOf('GROUP', 'g-1')).toBe('developers');
    expect(calls).toEqual(['GetGroupId developers', 'GetUserId nobody']);
  });

  it('names ids with DescribeGroup / DescribeUser once each', async () => {
    const { port, calls } = fakeStore();
    const lookup = new IdentityLookup(port, 'd-0000000000');
    expect(await lookup.nameOf('USER', 'u-1')).toBe('alice');
    expect(await lookup.nameOf('USER', 'u-1')).toBe('alice');
    expect(await lookup.nameOf('GROUP', 'gone')).toBeUndefined();
    expect(calls).toEqual(['DescribeUser u-1', 'DescribeGroup gone']);
  });

  it('answers everything from a primed, complete listing without calls', async () => {
    const { port, calls } = fakeStore();
    const lookup = new IdentityLookup(port, 'd-0000000000');
    lookup.prime('GROUP', [{ id: 'g-9', name: 'ops' }]);
    lookup.markComplete('GROUP');
    expect(await lookup.idOf('GROUP', 'ops')).toBe('g-9');
    expect(await lookup.idOf('GROUP', 'unknown')).toBeUndefined();
    expect(await lookup.nameOf('GROUP', 'g-9')).toBe('ops');
    expect(calls).toEqual([]);
  });
});
