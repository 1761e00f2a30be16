/**
 * Every AWS operation this backend calls, with the IAM actions AWS evaluates for it. This table is
 * the source of the pipeline roles' permissions (`packages/cdk`): the plan and drift roles get the
 * actions of the `read` operations and nothing else, the apply role gets both sets.
 *
 * `test/operations.test.ts` keeps it honest: it parses `src/` and fails when a `*Command` is sent
 * that is not listed here, when a listed operation is sent nowhere, or when an action is not in the
 * IAM service authorization catalogue or has the wrong access level there.
 */

import type { ServiceName } from './service.ts';

/** `read` calls change nothing in AWS; `write` calls do. */
export type OperationAccess = 'read' | 'write';

export interface AwsOperation {
  /** The client the call goes through, as passed to `Caller.call`. */
  readonly service: ServiceName;
  /** The API operation: the SDK's `<operation>Command`, and the name given to `Caller.call`. */
  readonly operation: string;
  readonly access: OperationAccess;
  /**
   * Every IAM action AWS evaluates for the call: `<prefix>:<operation>`, plus the actions AWS
   * documents for the way we call it (see `note`). Empty when AWS authorizes the call without one.
   */
  readonly iamActions: readonly string[];
  /** Why `iamActions` is not just `<prefix>:<operation>`, with the source. */
  readonly note?: string;
}

/** The IAM service prefix of each client (sso-admin's actions are `sso:`). */
export const IAM_PREFIX: Readonly<Record<ServiceName, string>> = {
  organizations: 'organizations',
  'sso-admin': 'sso',
  identitystore: 'identitystore',
  sts: 'sts',
  'service-quotas': 'servicequotas',
};

/** The SDK package of each client; any other `@aws-sdk/client-*` import fails the table's test. */
export const SDK_CLIENT_PACKAGES: Readonly<Record<ServiceName, string>> = {
  organizations: '@aws-sdk/client-organizations',
  'sso-admin': '@aws-sdk/client-sso-admin',
  identitystore: '@aws-sdk/client-identitystore',
  sts: '@aws-sdk/client-sts',
  'service-quotas': '@aws-sdk/client-service-quotas',
};

const TAG_ON_CREATE =
  'The call sends Tags, and "if the request includes tags, then the requester must have the ' +
  'organizations:TagResource permission" (the operation\'s API reference, also in the SDK docs).';

function op(
  service: ServiceName,
  operation: string,
  access: OperationAccess,
  more?: { readonly alsoRequires?: readonly string[]; readonly note?: string },
): AwsOperation {
  return {
    service,
    operation,
    access,
    iamActions: [`${IAM_PREFIX[service]}:${operation}`, ...(more?.alsoRequires ?? [])],
    ...(more?.note ? { note: more.note } : {}),
  };
}

const orgTagged = (operation: string) =>
  op('organizations', operation, 'write', {
    alsoRequires: ['organizations:TagResource'],
    note: TAG_ON_CREATE,
  });

export const AWS_OPERATIONS: readonly AwsOperation[] = [
  // Organizations: reads (organizations-read.ts).
  op('organizations', 'DescribeOrganization', 'read'),
  op('organizations', 'DescribePolicy', 'read'),
  op('organizations', 'ListAccounts', 'read'),
  op('organizations', 'ListAccountsForParent', 'read'),
  op('organizations', 'ListAWSServiceAccessForOrganization', 'read'),
  op('organizations', 'ListDelegatedAdministrators', 'read'),
  op('organizations', 'ListDelegatedServicesForAccount', 'read'),
  op('organizations', 'ListOrganizationalUnitsForParent', 'read'),
  op('organizations', 'ListParents', 'read'),
  op('organizations', 'ListPolicies', 'read'),
  op('organizations', 'ListPoliciesForTarget', 'read'),
  op('organizations', 'ListRoots', 'read'),
  op('organizations', 'ListTagsForResource', 'read'),
  op('organizations', 'ListTargetsForPolicy', 'read'),
  // Organizations: writes and the create-account poll (organizations-write.ts).
  op('organizations', 'DescribeCreateAccountStatus', 'read'),
  orgTagged('CreateOrganizationalUnit'),
  op('organizations', 'UpdateOrganizationalUnit', 'write'),
  op('organizations', 'DeleteOrganizationalUnit', 'write'),
  orgTagged('CreateAccount'),
  op('organizations', 'MoveAccount', 'write'),
  op('organizations', 'CloseAccount', 'write'),
  op('organizations', 'TagResource', 'write'),
  op('organizations', 'UntagResource', 'write'),
  orgTagged('CreatePolicy'),
  op('organizations', 'UpdatePolicy', 'write'),
  op('organizations', 'DeletePolicy', 'write'),
  op('organizations', 'AttachPolicy', 'write'),
  op('organizations', 'DetachPolicy', 'write'),
  op('organizations', 'EnablePolicyType', 'write'),
  op('organizations', 'DisablePolicyType', 'write'),
  op('organizations', 'EnableAWSServiceAccess', 'write'),
  op('organizations', 'DisableAWSServiceAccess', 'write'),
  op('organizations', 'RegisterDelegatedAdministrator', 'write'),
  op('organizations', 'DeregisterDelegatedAdministrator', 'write'),

  // IAM Identity Center: reads (sso-admin-read.ts) and status polls (sso-admin-async.ts).
  op('sso-admin', 'ListInstances', 'read'),
  op('sso-admin', 'ListPermissionSets', 'read'),
  op('sso-admin', 'DescribePermissionSet', 'read'),
  op('sso-admin', 'GetInlinePolicyForPermissionSet', 'read'),
  op('sso-admin', 'ListManagedPoliciesInPermissionSet', 'read'),
  op('sso-admin', 'ListCustomerManagedPolicyReferencesInPermissionSet', 'read'),
  op('sso-admin', 'GetPermissionsBoundaryForPermissionSet', 'read'),
  op('sso-admin', 'ListTagsForResource', 'read'),
  op('sso-admin', 'ListAccountsForProvisionedPermissionSet', 'read'),
  op('sso-admin', 'ListAccountAssignments', 'read'),
  op('sso-admin', 'ListAccountAssignmentsForPrincipal', 'read'),
  op('sso-admin', 'DescribePermissionSetProvisioningStatus', 'read'),
  op('sso-admin', 'DescribeAccountAssignmentCreationStatus', 'read'),
  op('sso-admin', 'DescribeAccountAssignmentDeletionStatus', 'read'),
  // IAM Identity Center: writes (sso-admin-permission-sets.ts, sso-admin-async.ts).
  op('sso-admin', 'CreatePermissionSet', 'write'),
  op('sso-admin', 'UpdatePermissionSet', 'write'),
  op('sso-admin', 'DeletePermissionSet', 'write'),
  op('sso-admin', 'PutInlinePolicyToPermissionSet', 'write'),
  op('sso-admin', 'DeleteInlinePolicyFromPermissionSet', 'write'),
  op('sso-admin', 'AttachManagedPolicyToPermissionSet', 'write'),
  op('sso-admin', 'DetachManagedPolicyFromPermissionSet', 'write'),
  op('sso-admin', 'AttachCustomerManagedPolicyReferenceToPermissionSet', 'write'),
  op('sso-admin', 'DetachCustomerManagedPolicyReferenceFromPermissionSet', 'write'),
  op('sso-admin', 'PutPermissionsBoundaryToPermissionSet', 'write'),
  op('sso-admin', 'DeletePermissionsBoundaryFromPermissionSet', 'write'),
  op('sso-admin', 'TagResource', 'write'),
  op('sso-admin', 'UntagResource', 'write'),
  op('sso-admin', 'ProvisionPermissionSet', 'write'),
  op('sso-admin', 'CreateAccountAssignment', 'write'),
  op('sso-admin', 'DeleteAccountAssignment', 'write'),

  // Identity store (identity-store.ts). The API is authorized by identitystore: actions; the
  // sso-directory: namespace covers the console's view of the same data, not these calls.
  op('identitystore', 'GetGroupId', 'read'),
  op('identitystore', 'GetUserId', 'read'),
  op('identitystore', 'ListGroups', 'read'),
  op('identitystore', 'ListUsers', 'read'),
  op('identitystore', 'DescribeGroup', 'read'),
  op('identitystore', 'DescribeUser', 'read'),

  // Service Quotas (quotas.ts): the account quota a plan checks before creating accounts. The
  // default value is read when no increase was ever applied (GetServiceQuota's NoSuchResource).
  op('service-quotas', 'GetServiceQuota', 'read'),
  op('service-quotas', 'GetAWSDefaultServiceQuota', 'read'),

  // STS (caller-identity.ts).
  {
    service: 'sts',
    operation: 'GetCallerIdentity',
    access: 'read',
    iamActions: [],
    note:
      'STS API reference: "No permissions are required to perform this operation"; it succeeds ' +
      'even under an explicit deny of sts:GetCallerIdentity.',
  },
];

/** `service:Operation`, the key `Caller` uses for rate limits and statistics. */
export function operationKey(o: Pick<AwsOperation, 'service' | 'operation'>): string {
  return `${o.service}:${o.operation}`;
}

/** The sorted, distinct IAM actions of the operations with this access. */
export function iamActionsFor(access: OperationAccess): string[] {
  const actions = AWS_OPERATIONS.filter((o) => o.access === access).flatMap((o) => o.iamActions);
  return [...new Set(actions)].sort();
}
