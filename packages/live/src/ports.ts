import type { Tags } from '@orgops/model';
import type { OrganizationsPort } from './organizations-port.ts';

/**
 * Narrow ports: only the AWS operations orgops uses, one interface per service. The reader and
 * applier are written once against these; `@orgops/aws` implements them with the SDK (paginating,
 * rate limiting and retrying inside), `@orgops/sandbox` in memory with AWS's rules.
 *
 * List operations return every page; implementations count each page as one call, so the call
 * statistics match what AWS would bill against its rate limits.
 */
export * from './organizations-port.ts';

/** Status of an sso-admin asynchronous request (assignment create/delete, provisioning). */
export interface AsyncStatus {
  readonly requestId: string;
  readonly status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  readonly failureReason?: string;
}

export interface InstanceInfo {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly ownerAccountId?: string;
}

export interface PermissionSetDetails {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
}

export type BoundaryInfo =
  | { readonly managedPolicyArn: string }
  | { readonly customerManagedPolicy: { readonly name: string; readonly path: string } };

export interface AssignmentInfo {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

export interface SsoAdminPort {
  listInstances(): Promise<readonly InstanceInfo[]>;
  listPermissionSets(instanceArn: string): Promise<readonly string[]>;
  describePermissionSet(instanceArn: string, permissionSetArn: string): Promise<PermissionSetDetails>;
  getInlinePolicyForPermissionSet(instanceArn: string, permissionSetArn: string): Promise<string | undefined>;
  listManagedPoliciesInPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
  ): Promise<readonly string[]>;
  listCustomerManagedPolicyReferencesInPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
  ): Promise<readonly { readonly name: string; readonly path: string }[]>;
  getPermissionsBoundaryForPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
  ): Promise<BoundaryInfo | undefined>;
  listTagsForResource(instanceArn: string, resourceArn: string): Promise<Tags>;
  listAccountsForProvisionedPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    provisioningStatus?: 'LATEST_PERMISSION_SET_PROVISIONED' | 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
  ): Promise<readonly string[]>;
  listAccountAssignments(
    instanceArn: string,
    accountId: string,
    permissionSetArn: string,
  ): Promise<readonly AssignmentInfo[]>;
  listAccountAssignmentsForPrincipal(
    instanceArn: string,
    principalType: 'GROUP' | 'USER',
    principalId: string,
  ): Promise<readonly AssignmentInfo[]>;

  createPermissionSet(
    instanceArn: string,
    input: {
      readonly name: string;
      readonly description?: string;
      readonly sessionDuration: string;
      readonly relayState?: string;
      readonly tags: Tags;
    },
  ): Promise<{ readonly arn: string }>;
  updatePermissionSet(
    instanceArn: string,
    input: {
      readonly arn: string;
      readonly description?: string;
      readonly sessionDuration: string;
      readonly relayState?: string;
    },
  ): Promise<void>;
  deletePermissionSet(instanceArn: string, permissionSetArn: string): Promise<void>;
  putInlinePolicyToPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    policy: string,
  ): Promise<void>;
  deleteInlinePolicyFromPermissionSet(instanceArn: string, permissionSetArn: string): Promise<void>;
  attachManagedPolicyToPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    policyArn: string,
  ): Promise<void>;
  detachManagedPolicyFromPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    policyArn: string,
  ): Promise<void>;
  attachCustomerManagedPolicyReferenceToPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    ref: { readonly name: string; readonly path: string },
  ): Promise<void>;
  detachCustomerManagedPolicyReferenceFromPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    ref: { readonly name: string; readonly path: string },
  ): Promise<void>;
  putPermissionsBoundaryToPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    boundary: BoundaryInfo,
  ): Promise<void>;
  deletePermissionsBoundaryFromPermissionSet(instanceArn: string, permissionSetArn: string): Promise<void>;
  tagResource(instanceArn: string, resourceArn: string, tags: Tags): Promise<void>;
  untagResource(instanceArn: string, resourceArn: string, keys: readonly string[]): Promise<void>;
  provisionPermissionSet(
    instanceArn: string,
    permissionSetArn: string,
    accountId: string,
  ): Promise<AsyncStatus>;
  describePermissionSetProvisioningStatus(instanceArn: string, requestId: string): Promise<AsyncStatus>;
  createAccountAssignment(instanceArn: string, assignment: AssignmentInfo): Promise<AsyncStatus>;
  describeAccountAssignmentCreationStatus(instanceArn: string, requestId: string): Promise<AsyncStatus>;
  deleteAccountAssignment(instanceArn: string, assignment: AssignmentInfo): Promise<AsyncStatus>;
  describeAccountAssignmentDeletionStatus(instanceArn: string, requestId: string): Promise<AsyncStatus>;
}

/** The permission-set write operations, implemented together by each backend. */
export type SsoAdminPermissionSetWrites = Pick<
  SsoAdminPort,
  | 'createPermissionSet'
  | 'updatePermissionSet'
  | 'deletePermissionSet'
  | 'putInlinePolicyToPermissionSet'
  | 'deleteInlinePolicyFromPermissionSet'
  | 'attachManagedPolicyToPermissionSet'
  | 'detachManagedPolicyFromPermissionSet'
  | 'attachCustomerManagedPolicyReferenceToPermissionSet'
  | 'detachCustomerManagedPolicyReferenceFromPermissionSet'
  | 'putPermissionsBoundaryToPermissionSet'
  | 'deletePermissionsBoundaryFromPermissionSet'
  | 'tagResource'
  | 'untagResource'
>;

/** Asynchronous sso-admin requests and their status polls, implemented together by each backend. */
export type SsoAdminAsyncOperations = Pick<
  SsoAdminPort,
  | 'provisionPermissionSet'
  | 'describePermissionSetProvisioningStatus'
  | 'createAccountAssignment'
  | 'describeAccountAssignmentCreationStatus'
  | 'deleteAccountAssignment'
  | 'describeAccountAssignmentDeletionStatus'
>;

/** The sso-admin list and describe operations: the rest of the port. */
export type SsoAdminReads = Omit<
  SsoAdminPort,
  keyof SsoAdminPermissionSetWrites | keyof SsoAdminAsyncOperations
>;

export interface IdentityStorePort {
  /** `undefined` when no group has that display name. */
  getGroupId(identityStoreId: string, displayName: string): Promise<string | undefined>;
  /** `undefined` when no user has that user name. */
  getUserId(identityStoreId: string, userName: string): Promise<string | undefined>;
  listGroups(identityStoreId: string): Promise<readonly { readonly id: string; readonly name: string }[]>;
  /**
   * Users of the store. With `maxItems`, stops paginating once that many are read, so a reader can
   * afford to ask how many users there are in a store that may hold 200,000 of them.
   */
  listUsers(
    identityStoreId: string,
    options?: { readonly maxItems?: number },
  ): Promise<readonly { readonly id: string; readonly name: string }[]>;
  describeGroup(
    identityStoreId: string,
    groupId: string,
  ): Promise<{ readonly id: string; readonly name: string } | undefined>;
  describeUser(
    identityStoreId: string,
    userId: string,
  ): Promise<{ readonly id: string; readonly name: string } | undefined>;
}

/**
 * One management event from CloudTrail's event history: the parts drift reads. `request` is the
 * record's `requestParameters` (the API's request members, first letter lower-cased); AWS leaves
 * it null for some calls, and hides some values.
 */
export interface TrailEvent {
  readonly id: string;
  /** ISO 8601 time of the call. */
  readonly time: string;
  /** e.g. `organizations.amazonaws.com`, `sso.amazonaws.com`. */
  readonly source: string;
  /** The API operation, e.g. `AttachPolicy`. */
  readonly name: string;
  readonly request: Readonly<Record<string, unknown>> | null;
  /** Set when the call failed. */
  readonly errorCode?: string;
}

/**
 * CloudTrail's event history (LookupEvents), for drift checks that re-read only what changed.
 * Organizations records its events in us-east-1 (its partition's home Region), Identity Center and
 * the identity store in the instance's Region; the implementation looks in both.
 */
export interface CloudTrailPort {
  /** Every write (ReadOnly=false) management event recorded from `start` to `end`, every page. */
  lookupWriteEvents(start: Date, end: Date): Promise<readonly TrailEvent[]>;
  /** How long after a call its event may still be missing from the history. */
  readonly deliveryDelayMs: number;
  /** How far back the history reaches. */
  readonly retentionMs: number;
}

/**
 * Service Quotas, for the one quota a plan checks before apply: accounts per organization (the
 * closure quota is fixed and lives in the limits table).
 */
export interface QuotasPort {
  /** Accounts the organization may hold: the applied value, or AWS's default when none was applied. */
  getAccountQuota(): Promise<number>;
}

/** Calls made per operation, for `--stats` and for tests that pin the reader's cost. */
export interface CallStats {
  /** `service:Operation` -> calls (pages count individually). */
  readonly calls: Readonly<Record<string, number>>;
  readonly total: number;
}

/** Who the backend's credentials belong to (STS GetCallerIdentity on AWS). */
export interface CallerInfo {
  /** The principal's ARN, e.g. a role session; recorded as who quarantined an account. Not a secret. */
  readonly arn: string;
  readonly accountId: string;
}

/** One backend: the three ports plus what the CLI prints about where they point. */
export interface Backend {
  readonly kind: 'sandbox' | 'aws';
  /** Sandbox file path or `aws (<region>, profile <p>)`, shown on every plan. */
  readonly location: string;
  readonly organizations: OrganizationsPort;
  readonly ssoAdmin: SsoAdminPort;
  readonly identityStore: IdentityStorePort;
  /** Optional: without it, `drift --since` always reads everything. */
  readonly cloudTrail?: CloudTrailPort;
  /** Optional: without it, plans do not check the account quota. */
  readonly quotas?: QuotasPort;
  stats(): CallStats;
  /** Sandbox: persist the state file. AWS: nothing to do. */
  flush?(): Promise<void>;
  /** Who is calling; backends that cannot say leave it out. */
  callerIdentity?(): Promise<CallerInfo>;
}

/**
 * An AWS service error as both backends report it: `code` is AWS's exception name
 * (`ConstraintViolationException`), `reason` its `Reason` field when there is one.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly service: 'organizations' | 'sso-admin' | 'identitystore' | 'cloudtrail' | 'service-quotas',
    readonly operation: string,
    readonly code: string,
    message: string,
    readonly reason?: string,
  ) {
    super(`${service}:${operation}: ${code}${reason ? ` (${reason})` : ''}: ${message}`);
  }
}

export function isServiceError(err: unknown, code?: string): err is ServiceError {
  return err instanceof ServiceError && (code === undefined || err.code === code);
}
