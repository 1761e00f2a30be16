import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreatePermissionSetCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  type SSOAdminClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import type { BoundaryInfo, SsoAdminPermissionSetWrites } from '@orgops/live';
import type { Caller } from './request-pipeline.ts';
import { required, toAwsTags } from './shapes.ts';

/** Permission set create/update/delete and everything attached to a permission set. */
export function createSsoAdminPermissionSetWrites(
  client: SSOAdminClient,
  caller: Caller,
): SsoAdminPermissionSetWrites {
  const call = <T>(operation: string, send: () => Promise<T>) => caller.call('sso-admin', operation, send);

  return {
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
  };
}
