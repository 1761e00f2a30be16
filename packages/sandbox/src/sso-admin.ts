import type { AssignmentInfo, SsoAdminPort } from '@orgops/live';
import { LIMITS } from '@orgops/model';
import { awsError, type SandboxContext } from './sandbox-context.ts';
import {
  assignmentIndex,
  asyncStatus,
  instanceOf,
  permissionSetOf,
  poll,
  sameAssignment,
} from './sso-helpers.ts';
import { ssoAdminPermissionSetWrites } from './sso-permission-sets.ts';
import { nextId, type SandboxSsoRequest } from './state.ts';

const SVC = 'sso-admin';

function requestId(n: number): string {
  return `10000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The sso-admin port over the sandbox state. */
export function sandboxSsoAdmin(ctx: SandboxContext): SsoAdminPort {
  const s = () => ctx.state;

  /** One IAM role is updated at a time per account: a second concurrent request conflicts. */
  const startRequest = (
    op: string,
    instanceArn: string,
    request: Omit<SandboxSsoRequest, 'id' | 'status' | 'pollsLeft'>,
  ): SandboxSsoRequest => {
    const ic = instanceOf(ctx, op, instanceArn);
    if (ic.requests.some((r) => r.status === 'IN_PROGRESS' && r.accountId === request.accountId))
      throw awsError(
        SVC,
        op,
        'ConflictException',
        `Another permission set operation is in progress in account ${request.accountId}; retry when it completes.`,
      );
    const r: SandboxSsoRequest = {
      ...request,
      id: requestId(nextId(s(), 'sso-request')),
      status: 'IN_PROGRESS',
      pollsLeft: ctx.asyncPolls,
    };
    ic.requests.push(r);
    return r;
  };

  const startAssignmentRequest = (
    op: string,
    instanceArn: string,
    kind: 'create-assignment' | 'delete-assignment',
    assignment: AssignmentInfo,
  ): SandboxSsoRequest =>
    startRequest(op, instanceArn, {
      kind,
      permissionSetArn: assignment.permissionSetArn,
      accountId: assignment.accountId,
      assignment: { ...assignment },
    });

  const checkAssignment = (op: string, instanceArn: string, a: AssignmentInfo) => {
    const ic = instanceOf(ctx, op, instanceArn);
    permissionSetOf(ctx, op, instanceArn, a.permissionSetArn);
    if (!s().accounts.some((acc) => acc.id === a.accountId))
      throw awsError(SVC, op, 'ValidationException', `Account ${a.accountId} is not in the organization.`);
    const pool = a.principalType === 'GROUP' ? ic.groups : ic.users;
    // AWS keeps the assignments of a user or group deleted from the identity store, and deletes
    // them by principal id: only a new assignment needs the principal to exist.
    const orphan = op === 'DeleteAccountAssignment' && ic.assignments.some((x) => sameAssignment(x, a));
    if (!orphan && !pool.some((p) => p.id === a.principalId))
      throw awsError(
        SVC,
        op,
        'ValidationException',
        `No ${a.principalType} ${a.principalId} in the identity store.`,
      );
    return ic;
  };

  const outstanding = (op: string, instanceArn: string) => {
    const ic = instanceOf(ctx, op, instanceArn);
    const count = ic.requests.filter((r) => r.status === 'IN_PROGRESS' && r.kind !== 'provision').length;
    if (count >= LIMITS.identityCenter.maxOutstandingAssignmentOperations)
      throw awsError(
        SVC,
        op,
        'ThrottlingException',
        `At most ${LIMITS.identityCenter.maxOutstandingAssignmentOperations} assignment operations can be outstanding.`,
      );
  };

  return {
    ...ssoAdminPermissionSetWrites(ctx),

    async listInstances() {
      return ctx.list(SVC, 'ListInstances', () => {
        const ic = s().identityCenter;
        return ic
          ? [
              {
                instanceArn: ic.instanceArn,
                identityStoreId: ic.identityStoreId,
                ownerAccountId: s().organization.managementAccountId,
              },
            ]
          : [];
      });
    },
    async listPermissionSets(instanceArn) {
      return ctx.list(SVC, 'ListPermissionSets', () =>
        instanceOf(ctx, 'ListPermissionSets', instanceArn).permissionSets.map((p) => p.arn),
      );
    },
    async describePermissionSet(instanceArn, arn) {
      ctx.enter(SVC, 'DescribePermissionSet');
      const ps = permissionSetOf(ctx, 'DescribePermissionSet', instanceArn, arn);
      return {
        arn: ps.arn,
        name: ps.name,
        sessionDuration: ps.sessionDuration,
        ...(ps.description !== undefined ? { description: ps.description } : {}),
        ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
      };
    },
    async getInlinePolicyForPermissionSet(instanceArn, arn) {
      ctx.enter(SVC, 'GetInlinePolicyForPermissionSet');
      return permissionSetOf(ctx, 'GetInlinePolicyForPermissionSet', instanceArn, arn).inlinePolicy;
    },
    async listManagedPoliciesInPermissionSet(instanceArn, arn) {
      return ctx.list(SVC, 'ListManagedPoliciesInPermissionSet', () => [
        ...permissionSetOf(ctx, 'ListManagedPoliciesInPermissionSet', instanceArn, arn).managedPolicies,
      ]);
    },
    async listCustomerManagedPolicyReferencesInPermissionSet(instanceArn, arn) {
      return ctx.list(SVC, 'ListCustomerManagedPolicyReferencesInPermissionSet', () =>
        permissionSetOf(
          ctx,
          'ListCustomerManagedPolicyReferencesInPermissionSet',
          instanceArn,
          arn,
        ).customerManagedPolicies.map((r) => ({ ...r })),
      );
    },
    async getPermissionsBoundaryForPermissionSet(instanceArn, arn) {
      ctx.enter(SVC, 'GetPermissionsBoundaryForPermissionSet');
      const boundary = permissionSetOf(
        ctx,
        'GetPermissionsBoundaryForPermissionSet',
        instanceArn,
        arn,
      ).permissionsBoundary;
      return boundary ? structuredClone(boundary) : undefined;
    },
    async listTagsForResource(instanceArn, resourceArn) {
      return ctx.list(SVC, 'ListTagsForResource', () => [
        permissionSetOf(ctx, 'ListTagsForResource', instanceArn, resourceArn).tags,
      ])[0]!;
    },
    async listAccountsForProvisionedPermissionSet(instanceArn, arn, provisioningStatus) {
      return ctx.list(SVC, 'ListAccountsForProvisionedPermissionSet', () => {
        const ps = permissionSetOf(ctx, 'ListAccountsForProvisionedPermissionSet', instanceArn, arn);
        return Object.entries(ps.provisioned)
          .filter(([, version]) => {
            if (provisioningStatus === 'LATEST_PERMISSION_SET_PROVISIONED') return version === ps.version;
            if (provisioningStatus === 'LATEST_PERMISSION_SET_NOT_PROVISIONED') return version !== ps.version;
            return true;
          })
          .map(([accountId]) => accountId);
      });
    },
    async listAccountAssignments(instanceArn, accountId, permissionSetArn) {
      return ctx.list(SVC, 'ListAccountAssignments', () => {
        permissionSetOf(ctx, 'ListAccountAssignments', instanceArn, permissionSetArn);
        const { assignments } = instanceOf(ctx, 'ListAccountAssignments', instanceArn);
        return (assignmentIndex(assignments).byPair.get(`${permissionSetArn}|${accountId}`) ?? []).map(
          (a) => ({
            ...a,
          }),
        );
      });
    },
    async listAccountAssignmentsForPrincipal(instanceArn, principalType, principalId) {
      return ctx.list(SVC, 'ListAccountAssignmentsForPrincipal', () => {
        const { assignments } = instanceOf(ctx, 'ListAccountAssignmentsForPrincipal', instanceArn);
        return (assignmentIndex(assignments).byPrincipal.get(`${principalType}|${principalId}`) ?? []).map(
          (a) => ({ ...a }),
        );
      });
    },

    async provisionPermissionSet(instanceArn, arn, accountId) {
      const op = 'ProvisionPermissionSet';
      ctx.enter(SVC, op);
      const ic = instanceOf(ctx, op, instanceArn);
      permissionSetOf(ctx, op, instanceArn, arn);
      if (!s().accounts.some((a) => a.id === accountId))
        throw awsError(SVC, op, 'ValidationException', `Account ${accountId} is not in the organization.`);
      const running = ic.requests.filter((r) => r.status === 'IN_PROGRESS' && r.kind === 'provision').length;
      if (running >= LIMITS.identityCenter.maxConcurrentProvisioning)
        throw awsError(
          SVC,
          op,
          'ThrottlingException',
          `At most ${LIMITS.identityCenter.maxConcurrentProvisioning} ProvisionPermissionSet calls can run at once.`,
        );
      return asyncStatus(
        startRequest(op, instanceArn, { kind: 'provision', permissionSetArn: arn, accountId }),
      );
    },
    async describePermissionSetProvisioningStatus(instanceArn, id) {
      ctx.enter(SVC, 'DescribePermissionSetProvisioningStatus');
      return poll(ctx, 'DescribePermissionSetProvisioningStatus', instanceArn, id, 'provision');
    },
    async createAccountAssignment(instanceArn, assignment) {
      const op = 'CreateAccountAssignment';
      ctx.enter(SVC, op);
      checkAssignment(op, instanceArn, assignment);
      outstanding(op, instanceArn);
      // Creating an existing assignment is accepted and simply succeeds, as AWS does.
      return asyncStatus(startAssignmentRequest(op, instanceArn, 'create-assignment', assignment));
    },
    async describeAccountAssignmentCreationStatus(instanceArn, id) {
      ctx.enter(SVC, 'DescribeAccountAssignmentCreationStatus');
      return poll(ctx, 'DescribeAccountAssignmentCreationStatus', instanceArn, id, 'create-assignment');
    },
    async deleteAccountAssignment(instanceArn, assignment) {
      const op = 'DeleteAccountAssignment';
      ctx.enter(SVC, op);
      const ic = checkAssignment(op, instanceArn, assignment);
      if (!ic.assignments.some((a) => sameAssignment(a, assignment)))
        throw awsError(SVC, op, 'ResourceNotFoundException', 'No such account assignment.');
      outstanding(op, instanceArn);
      return asyncStatus(startAssignmentRequest(op, instanceArn, 'delete-assignment', assignment));
    },
    async describeAccountAssignmentDeletionStatus(instanceArn, id) {
      ctx.enter(SVC, 'DescribeAccountAssignmentDeletionStatus');
      return poll(ctx, 'DescribeAccountAssignmentDeletionStatus', instanceArn, id, 'delete-assignment');
    },
  };
}
