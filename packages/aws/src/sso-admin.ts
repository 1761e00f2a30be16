import {
  type AccountAssignment,
  type AccountAssignmentForPrincipal,
  type AccountAssignmentOperationStatus,
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
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
  type PermissionSetProvisioningStatus,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  type SSOAdminClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import {
  type AssignmentInfo,
  type AsyncStatus,
  type BoundaryInfo,
  isServiceError,
  type PermissionSetDetails,
  type SsoAdminPort,
} from '@orgops/live';
import type { Caller } from './caller.ts';
import { collectPages } from './pagination.ts';
import { fromAwsTags, normalizeSessionDuration, required, toAwsTags } from './shapes.ts';

function toAsyncStatus(
  s: AccountAssignmentOperationStatus | PermissionSetProvisioningStatus | undefined,
  what: string,
): AsyncStatus {
  const status = s?.Status;
  if (status !== 'IN_PROGRESS' && status !== 'SUCCEEDED' && status !== 'FAILED') {
    throw new Error(
      `sso-admin: ${what} request ${s?.RequestId} has unknown status ${JSON.stringify(status)}`,
    );
  }
  return {
    requestId: required(s?.RequestId, `${what}.RequestId`),
    status,
    ...(s?.FailureReason ? { failureReason: s.FailureReason } : {}),
  };
}

function toAssignment(
  a: AccountAssignment | AccountAssignmentForPrincipal,
  permissionSetArn?: string,
): AssignmentInfo {
  if (a.PrincipalType !== 'GROUP' && a.PrincipalType !== 'USER') {
    throw new Error(`sso-admin: assignment has unknown principal type ${JSON.stringify(a.PrincipalType)}`);
  }
  return {
    accountId: required(a.AccountId, 'AccountAssignment.AccountId'),
    permissionSetArn: required(a.PermissionSetArn ?? permissionSetArn, 'AccountAssignment.PermissionSetArn'),
    principalType: a.PrincipalType,
    principalId: required(a.PrincipalId, 'AccountAssignment.PrincipalId'),
  };
}

function assignmentInput(InstanceArn: string, a: AssignmentInfo) {
  return {
    InstanceArn,
    PermissionSetArn: a.permissionSetArn,
    TargetId: a.accountId,
    TargetType: 'AWS_ACCOUNT' as const,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
  };
}

/** SsoAdminPort over the SDK; `pageSize` is the MaxResults sent (≤ 100). */
export function createSsoAdminPort(client: SSOAdminClient, caller: Caller, pageSize: number): SsoAdminPort {
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

    async createPermissionSet(InstanceArn: string, input) {
      const out = await call('CreatePermissionSet', () =>
        client.send(
          new CreatePermissionSetCommand({
            InstanceArn,
            Name: input.name,
            // Description and RelayState have a minimum length of 1: omit them when empty.
            Description: input.description || undefined,
            SessionDuration: input.sessionDuration,
            RelayState: input.relayState || undefined,
            Tags: toAwsTags(input.tags),
          }),
        ),
      );
      return { arn: required(out.PermissionSet?.PermissionSetArn, 'PermissionSet.PermissionSetArn') };
    },

    async updatePermissionSet(InstanceArn: string, input) {
      // Every field is sent on each update: moto resets omitted fields, and sending the full
      // intended state is idempotent on AWS too.
      await call('UpdatePermissionSet', () =>
        client.send(
          new UpdatePermissionSetCommand({
            InstanceArn,
            PermissionSetArn: input.arn,
            Description: input.description || undefined,
            SessionDuration: input.sessionDuration,
            RelayState: input.relayState || undefined,
          }),
        ),
      );
    },

    async deletePermissionSet(InstanceArn: string, PermissionSetArn: string) {
      await call('DeletePermissionSet', () =>
        client.send(new DeletePermissionSetCommand({ InstanceArn, PermissionSetArn })),
      );
    },

    async putInlinePolicyToPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      InlinePolicy: string,
    ) {
      await call('PutInlinePolicyToPermissionSet', () =>
        client.send(
          new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy }),
        ),
      );
    },

    async deleteInlinePolicyFromPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      await call('DeleteInlinePolicyFromPermissionSet', () =>
        client.send(new DeleteInlinePolicyFromPermissionSetCommand({ InstanceArn, PermissionSetArn })),
      );
    },

    async attachManagedPolicyToPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      ManagedPolicyArn: string,
    ) {
      await call('AttachManagedPolicyToPermissionSet', () =>
        client.send(
          new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, ManagedPolicyArn }),
        ),
      );
    },

    async detachManagedPolicyFromPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      ManagedPolicyArn: string,
    ) {
      await call('DetachManagedPolicyFromPermissionSet', () =>
        client.send(
          new DetachManagedPolicyFromPermissionSetCommand({
            InstanceArn,
            PermissionSetArn,
            ManagedPolicyArn,
          }),
        ),
      );
    },

    async attachCustomerManagedPolicyReferenceToPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      ref,
    ) {
      await call('AttachCustomerManagedPolicyReferenceToPermissionSet', () =>
        client.send(
          new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
            InstanceArn,
            PermissionSetArn,
            CustomerManagedPolicyReference: { Name: ref.name, Path: ref.path },
          }),
        ),
      );
    },

    async detachCustomerManagedPolicyReferenceFromPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      ref,
    ) {
      await call('DetachCustomerManagedPolicyReferenceFromPermissionSet', () =>
        client.send(
          new DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({
            InstanceArn,
            PermissionSetArn,
            CustomerManagedPolicyReference: { Name: ref.name, Path: ref.path },
          }),
        ),
      );
    },

    async putPermissionsBoundaryToPermissionSet(
      InstanceArn: string,
      PermissionSetArn: string,
      boundary: BoundaryInfo,
    ) {
      const PermissionsBoundary =
        'managedPolicyArn' in boundary
          ? { ManagedPolicyArn: boundary.managedPolicyArn }
          : {
              CustomerManagedPolicyReference: {
                Name: boundary.customerManagedPolicy.name,
                Path: boundary.customerManagedPolicy.path,
              },
            };
      await call('PutPermissionsBoundaryToPermissionSet', () =>
        client.send(
          new PutPermissionsBoundaryToPermissionSetCommand({
            InstanceArn,
            PermissionSetArn,
            PermissionsBoundary,
          }),
        ),
      );
    },

    async deletePermissionsBoundaryFromPermissionSet(InstanceArn: string, PermissionSetArn: string) {
      await call('DeletePermissionsBoundaryFromPermissionSet', () =>
        client.send(new DeletePermissionsBoundaryFromPermissionSetCommand({ InstanceArn, PermissionSetArn })),
      );
    },

    async tagResource(InstanceArn: string, ResourceArn: string, tags) {
      const Tags = toAwsTags(tags);
      if (Tags === undefined) return;
      await call('TagResource', () =>
        client.send(new TagResourceCommand({ InstanceArn, ResourceArn, Tags })),
      );
    },

    async untagResource(InstanceArn: string, ResourceArn: string, keys) {
      if (keys.length === 0) return;
      await call('UntagResource', () =>
        client.send(new UntagResourceCommand({ InstanceArn, ResourceArn, TagKeys: [...keys] })),
      );
    },

    async provisionPermissionSet(InstanceArn: string, PermissionSetArn: string, TargetId: string) {
      const out = await call('ProvisionPermissionSet', () =>
        client.send(
          new ProvisionPermissionSetCommand({
            InstanceArn,
            PermissionSetArn,
            TargetId,
            TargetType: 'AWS_ACCOUNT',
          }),
        ),
      );
      return toAsyncStatus(out.PermissionSetProvisioningStatus, 'ProvisionPermissionSet');
    },

    async describePermissionSetProvisioningStatus(
      InstanceArn: string,
      ProvisionPermissionSetRequestId: string,
    ) {
      const out = await call('DescribePermissionSetProvisioningStatus', () =>
        client.send(
          new DescribePermissionSetProvisioningStatusCommand({
            InstanceArn,
            ProvisionPermissionSetRequestId,
          }),
        ),
      );
      return toAsyncStatus(out.PermissionSetProvisioningStatus, 'ProvisionPermissionSet');
    },

    async createAccountAssignment(InstanceArn: string, assignment: AssignmentInfo) {
      const out = await call('CreateAccountAssignment', () =>
        client.send(new CreateAccountAssignmentCommand(assignmentInput(InstanceArn, assignment))),
      );
      return toAsyncStatus(out.AccountAssignmentCreationStatus, 'CreateAccountAssignment');
    },

    async describeAccountAssignmentCreationStatus(
      InstanceArn: string,
      AccountAssignmentCreationRequestId: string,
    ) {
      const out = await call('DescribeAccountAssignmentCreationStatus', () =>
        client.send(
          new DescribeAccountAssignmentCreationStatusCommand({
            InstanceArn,
            AccountAssignmentCreationRequestId,
          }),
        ),
      );
      return toAsyncStatus(out.AccountAssignmentCreationStatus, 'CreateAccountAssignment');
    },

    async deleteAccountAssignment(InstanceArn: string, assignment: AssignmentInfo) {
      const out = await call('DeleteAccountAssignment', () =>
        client.send(new DeleteAccountAssignmentCommand(assignmentInput(InstanceArn, assignment))),
      );
      return toAsyncStatus(out.AccountAssignmentDeletionStatus, 'DeleteAccountAssignment');
    },

    async describeAccountAssignmentDeletionStatus(
      InstanceArn: string,
      AccountAssignmentDeletionRequestId: string,
    ) {
      const out = await call('DescribeAccountAssignmentDeletionStatus', () =>
        client.send(
          new DescribeAccountAssignmentDeletionStatusCommand({
            InstanceArn,
            AccountAssignmentDeletionRequestId,
          }),
        ),
      );
      return toAsyncStatus(out.AccountAssignmentDeletionStatus, 'DeleteAccountAssignment');
    },
  };
}
