import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  type GetPermissionsBoundaryForPermissionSetCommandOutput,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { isServiceError, type PermissionSetDetails, type SsoAdminReads } from '@orgops/live';
import { collectPages } from './pagination.ts';
import type { Caller } from './request-pipeline.ts';
import { fromAwsTags, normalizeSessionDuration, required } from './shapes.ts';
import { toAssignment } from './sso-admin-shapes.ts';

/** Reads: list and describe operations. `pageSize` is the MaxResults sent (≤ 100). */
export function createSsoAdminReads(client: SSOAdminClient, caller: Caller, pageSize: number): SsoAdminReads {
  const call = <T>(operation: string, send: () => Promise<T>) => caller.call('sso-admin', operation, send);
  const MaxResults = pageSize;

  return {
    async listInstances() {
      const instances = await collectPages('ListInstances', async (NextToken) => {
        const out = await call('ListInstances', () =>
          client.send(new ListInstancesCommand({ NextToken, MaxResults })),
        );
        return { items: out.Instances, nextToken: out.NextToken };
      });
      return instances.map((i) => ({
        instanceArn: required(i.InstanceArn, 'Instance.InstanceArn'),
        identityStoreId: required(i.IdentityStoreId, 'Instance.IdentityStoreId'),
        ...(i.OwnerAccountId ? { ownerAccountId: i.OwnerAccountId } : {}),
      }));
    },

    async listPermissionSets(InstanceArn: string) {
      return collectPages('ListPermissionSets', async (NextToken) => {
        const out = await call('ListPermissionSets', () =>
          client.send(new ListPermissionSetsCommand({ InstanceArn, NextToken, MaxResults })),
        );
        return { items: out.PermissionSets, nextToken: out.NextToken };
      });
    },

    async describePermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
    ): Promise<PermissionSetDetails> {
      const out = await call('DescribePermissionSet', () =>
        client.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn })),
      );
      const ps = out.PermissionSet;
      const sessionDuration = normalizeSessionDuration(ps?.SessionDuration);
      return {
        arn: required(ps?.PermissionSetArn, 'PermissionSet.PermissionSetArn'),
        name: required(ps?.Name, 'PermissionSet.Name'),
        ...(ps?.Description ? { description: ps.Description } : {}),
        ...(sessionDuration ? { sessionDuration } : {}),
        ...(ps?.RelayState ? { relayState: ps.RelayState } : {}),
      };
    },

    async getInlinePolicyForPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      const out = await call('GetInlinePolicyForPermissionSet', () =>
        client.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn })),
      );
      // AWS answers "" (not an error) when there is no inline policy.
      return out.InlinePolicy ? out.InlinePolicy : undefined;
    },

    async listManagedPoliciesInPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      const policies = await collectPages('ListManagedPoliciesInPermissionSet', async (NextToken) => {
        const out = await call('ListManagedPoliciesInPermissionSet', () =>
          client.send(
            new ListManagedPoliciesInPermissionSetCommand({
              InstanceArn,
              PermissionSetArn,
              NextToken,
              MaxResults,
            }),
          ),
        );
        return { items: out.AttachedManagedPolicies, nextToken: out.NextToken };
      });
      return policies.map((p) => required(p.Arn, 'AttachedManagedPolicy.Arn'));
    },

    async listCustomerManagedPolicyReferencesInPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      const refs = await collectPages(
        'ListCustomerManagedPolicyReferencesInPermissionSet',
        async (NextToken) => {
          const out = await call('ListCustomerManagedPolicyReferencesInPermissionSet', () =>
            client.send(
              new ListCustomerManagedPolicyReferencesInPermissionSetCommand({
                InstanceArn,
                PermissionSetArn,
                NextToken,
                MaxResults,
              }),
            ),
          );
          return { items: out.CustomerManagedPolicyReferences, nextToken: out.NextToken };
        },
      );
      return refs.map((r) => ({
        name: required(r.Name, 'CustomerManagedPolicyReference.Name'),
        path: r.Path ?? '/',
      }));
    },

    async getPermissionsBoundaryForPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      let out: GetPermissionsBoundaryForPermissionSetCommandOutput;
      try {
        out = await call('GetPermissionsBoundaryForPermissionSet', () =>
          client.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn })),
        );
      } catch (err) {
        // AWS reports "no boundary attached" as ResourceNotFoundException; callers only ask about
        // permission sets they have just listed, so the permission set itself exists.
        if (isServiceError(err, 'ResourceNotFoundException')) return undefined;
        throw err;
      }
      const boundary = out.PermissionsBoundary;
      if (boundary?.ManagedPolicyArn) return { managedPolicyArn: boundary.ManagedPolicyArn };
      const ref = boundary?.CustomerManagedPolicyReference;
      if (ref?.Name) return { customerManagedPolicy: { name: ref.Name, path: ref.Path ?? '/' } };
      return undefined;
    },

    async listTagsForResource(InstanceArn: string, ResourceArn: string) {
      // No MaxResults on this operation.
      const tags = await collectPages('ListTagsForResource', async (NextToken) => {
        const out = await call('ListTagsForResource', () =>
          client.send(new ListTagsForResourceCommand({ InstanceArn, ResourceArn, NextToken })),
        );
        return { items: out.Tags, nextToken: out.NextToken };
      });
      return fromAwsTags(tags);
    },

    async listAccountsForProvisionedPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      ProvisioningStatus,
    ) {
      return collectPages('ListAccountsForProvisionedPermissionSet', async (NextToken) => {
        const out = await call('ListAccountsForProvisionedPermissionSet', () =>
          client.send(
            new ListAccountsForProvisionedPermissionSetCommand({
              InstanceArn,
              PermissionSetArn,
              ProvisioningStatus,
              NextToken,
              MaxResults,
            }),
          ),
        );
        return { items: out.AccountIds, nextToken: out.NextToken };
      });
    },

    async listAccountAssignments(InstanceArn: string, AccountId: string, PermissionSetArn: string) {
      const assignments = await collectPages('ListAccountAssignments', async (NextToken) => {
        const out = await call('ListAccountAssignments', () =>
          client.send(
            new ListAccountAssignmentsCommand({
              InstanceArn,
              AccountId,
              PermissionSetArn,
              NextToken,
              MaxResults,
            }),
          ),
        );
        return { items: out.AccountAssignments, nextToken: out.NextToken };
      });
      return assignments.map((a) => toAssignment(a, PermissionSetArn));
    },

    async listAccountAssignmentsForPrincipal(InstanceArn: string, PrincipalType, PrincipalId: string) {
      const assignments = await collectPages('ListAccountAssignmentsForPrincipal', async (NextToken) => {
        const out = await call('ListAccountAssignmentsForPrincipal', () =>
          client.send(
            new ListAccountAssignmentsForPrincipalCommand({
              InstanceArn,
              PrincipalType,
              PrincipalId,
              NextToken,
              MaxResults,
            }),
          ),
        );
        return { items: out.AccountAssignments, nextToken: out.NextToken };
      });
      return assignments.map((a) => toAssignment(a));
    },
  };
}
