/** SDK sso-admin shapes <-> port shapes. */
import type {
  AccountAssignment,
  AccountAssignmentForPrincipal,
  AccountAssignmentOperationStatus,
  PermissionSetProvisioningStatus,
} from '@aws-sdk/client-sso-admin';
import type { AssignmentInfo, AsyncStatus } from '@orgops/live';
import { required } from './shapes.ts';

export function toAsyncStatus(
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

export function toAssignment(
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

export function assignmentInput(InstanceArn: string, a: AssignmentInfo) {
  return {
    InstanceArn,
    PermissionSetArn: a.permissionSetArn,
    TargetId: a.accountId,
    TargetType: 'AWS_ACCOUNT' as const,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
  };
}
