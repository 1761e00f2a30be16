import {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { AssignmentInfo, SsoAdminAsyncOperations } from '@orgops/live';
import type { Caller } from './request-pipeline.ts';
import { assignmentInput, toAsyncStatus } from './sso-admin-shapes.ts';

/** Provisioning and assignment requests, which AWS completes asynchronously, and their polls. */
export function createSsoAdminAsyncOperations(
  client: SSOAdminClient,
  caller: Caller,
): SsoAdminAsyncOperations {
  const call = <T>(operation: string, send: () => Promise<T>) => caller.call('sso-admin', operation, send);

  return {
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
