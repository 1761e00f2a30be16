import {
  DescribeGroupCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  type IdentitystoreClient,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import { type IdentityStorePort, isServiceError } from '@orgops/live';
import { collectPages } from './pagination.ts';
import type { Caller } from './request-pipeline.ts';
import { required } from './shapes.ts';

/** `undefined` instead of an error when the store has no such principal. */
async function orUndefined<T>(lookup: Promise<T>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (err) {
    if (isServiceError(err, 'ResourceNotFoundException')) return undefined;
    throw err;
  }
}

/** IdentityStorePort over the SDK; `pageSize` is the MaxResults sent (≤ 100). */
export function createIdentityStorePort(
  client: IdentitystoreClient,
  caller: Caller,
  pageSize: number,
): IdentityStorePort {
  const call = <T>(operation: string, send: () => Promise<T>) =>
    caller.call('identitystore', operation, send);
  const MaxResults = pageSize;

  return {
    async getGroupId(IdentityStoreId: string, displayName: string) {
      // ListGroups with a DisplayName filter is deprecated; GetGroupId is the supported lookup and
      // `displayName` its only valid attribute path.
      const out = await orUndefined(
        call('GetGroupId', () =>
          client.send(
            new GetGroupIdCommand({
              IdentityStoreId,
              AlternateIdentifier: {
                UniqueAttribute: { AttributePath: 'displayName', AttributeValue: displayName },
              },
            }),
          ),
        ),
      );
      return out?.GroupId;
    },

    async getUserId(IdentityStoreId: string, userName: string) {
      const out = await orUndefined(
        call('GetUserId', () =>
          client.send(
            new GetUserIdCommand({
              IdentityStoreId,
              AlternateIdentifier: {
                UniqueAttribute: { AttributePath: 'userName', AttributeValue: userName },
              },
            }),
          ),
        ),
      );
      return out?.UserId;
    },

    async listGroups(IdentityStoreId: string) {
      const groups = await collectPages('ListGroups', async (NextToken) => {
        const out = await call('ListGroups', () =>
          client.send(new ListGroupsCommand({ IdentityStoreId, NextToken, MaxResults })),
        );
        return { items: out.Groups, nextToken: out.NextToken };
      });
      return groups.map((g) => ({ id: required(g.GroupId, 'Group.GroupId'), name: g.DisplayName ?? '' }));
    },

    async listUsers(IdentityStoreId: string, options?: { readonly maxItems?: number }) {
      const users = await collectPages(
        'ListUsers',
        async (NextToken) => {
          const out = await call('ListUsers', () =>
            client.send(new ListUsersCommand({ IdentityStoreId, NextToken, MaxResults })),
          );
          return { items: out.Users, nextToken: out.NextToken };
        },
        options?.maxItems,
      );
      return users.map((u) => ({ id: required(u.UserId, 'User.UserId'), name: u.UserName ?? '' }));
    },

    async describeGroup(IdentityStoreId: string, GroupId: string) {
      const out = await orUndefined(
        call('DescribeGroup', () => client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId }))),
      );
      return out ? { id: required(out.GroupId, 'Group.GroupId'), name: out.DisplayName ?? '' } : undefined;
    },

    async describeUser(IdentityStoreId: string, UserId: string) {
      const out = await orUndefined(
        call('DescribeUser', () => client.send(new DescribeUserCommand({ IdentityStoreId, UserId }))),
      );
      return out ? { id: required(out.UserId, 'User.UserId'), name: out.UserName ?? '' } : undefined;
    },
  };
}
