import type { IdentityStorePort } from '@orgops/live';
import { awsError, PAGE_SIZE, type SandboxContext } from './sandbox-context.ts';
import type { SandboxIdentityCenter } from './state.ts';

const SVC = 'identitystore';

/** The identity-store port: name lookups and listings over the sandbox's groups and users. */
export function sandboxIdentityStore(ctx: SandboxContext): IdentityStorePort {
  const store = (op: string, identityStoreId: string): SandboxIdentityCenter => {
    const ic = ctx.state.identityCenter;
    if (!ic || ic.identityStoreId !== identityStoreId)
      throw awsError(SVC, op, 'ResourceNotFoundException', `No identity store ${identityStoreId}.`);
    return ic;
  };
  return {
    async getGroupId(identityStoreId, displayName) {
      ctx.enter(SVC, 'GetGroupId');
      return store('GetGroupId', identityStoreId).groups.find((g) => g.name === displayName)?.id;
    },
    async getUserId(identityStoreId, userName) {
      ctx.enter(SVC, 'GetUserId');
      return store('GetUserId', identityStoreId).users.find((u) => u.name === userName)?.id;
    },
    async listGroups(identityStoreId) {
      return ctx.list(SVC, 'ListGroups', () =>
        store('ListGroups', identityStoreId).groups.map((g) => ({ ...g })),
      );
    },
    async listUsers(identityStoreId, options) {
      return ctx.list(SVC, 'ListUsers', () => {
        const users = store('ListUsers', identityStoreId).users.map((u) => ({ ...u }));
        // Like paging with a stop: whole pages until at least maxItems are read.
        const max = options?.maxItems;
        return max === undefined
          ? users
          : users.slice(0, Math.ceil(Math.max(1, max) / PAGE_SIZE[SVC]) * PAGE_SIZE[SVC]);
      });
    },
    async describeGroup(identityStoreId, groupId) {
      ctx.enter(SVC, 'DescribeGroup');
      const group = store('DescribeGroup', identityStoreId).groups.find((g) => g.id === groupId);
      return group ? { ...group } : undefined;
    },
    async describeUser(identityStoreId, userId) {
      ctx.enter(SVC, 'DescribeUser');
      const user = store('DescribeUser', identityStoreId).users.find((u) => u.id === userId);
      return user ? { ...user } : undefined;
    },
  };
}
