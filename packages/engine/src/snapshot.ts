import type { Tags } from '@orgops/model';

/**
 * What orgops observed of a live organization at one moment: plain data, read through the ports by
 * the reader (from AWS or the sandbox) and planned against by the engine.
 */
export interface Snapshot {
  /** Bumped on any incompatible change to this shape. */
  readonly snapshotVersion: 1;
  readonly source: SnapshotSource;
  readonly organization: {
    readonly id: string;
    readonly arn?: string;
    readonly managementAccountId: string;
    readonly managementAccountEmail?: string;
    readonly featureSet: 'ALL' | 'CONSOLIDATED_BILLING' | (string & {});
  };
  readonly root: {
    readonly id: string;
    readonly policyTypes: readonly {
      readonly type: string;
      readonly status: 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';
    }[];
  };
  readonly ous: readonly SnapshotOu[];
  readonly accounts: readonly SnapshotAccount[];
  readonly policies: readonly SnapshotPolicy[];
  readonly trustedServices: readonly string[];
  readonly delegatedAdministrators: readonly {
    readonly accountId: string;
    readonly servicePrincipal: string;
  }[];
  /** Absent when the organization has no Identity Center instance. */
  readonly identityCenter?: SnapshotIdentityCenter;
  /** The organization's quotas, as far as the backend could read them. Absent: not read at all. */
  readonly quotas?: SnapshotQuotas;
}

export interface SnapshotQuotas {
  /**
   * Accounts the organization may hold. AWS counts every account that is not yet permanently
   * closed (suspended and closing ones too), and invitations.
   */
  readonly maxAccounts?: number;
  /** Why the account quota could not be read (a missing permission, say), when it could not. */
  readonly maxAccountsUnreadable?: string;
}

export interface SnapshotSource {
  readonly backend: 'sandbox' | 'aws';
  /** Sandbox file path, or `aws://<region>` with the profile when known. */
  readonly location: string;
  readonly readAt: string;
}

export interface SnapshotOu {
  readonly id: string;
  readonly name: string;
  /** Root id or OU id. */
  readonly parentId: string;
  readonly tags: Tags;
}

export type AccountState = 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED';

export interface SnapshotAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly state: AccountState;
  readonly parentId: string;
  readonly tags: Tags;
  readonly joinedMethod?: 'INVITED' | 'CREATED';
}

export interface SnapshotPolicy {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly description: string;
  /** Document text as stored by AWS. Empty for AWS-managed policies whose content was not read. */
  readonly content: string;
  readonly awsManaged: boolean;
  readonly tags: Tags;
  /** Ids of the root, OUs and accounts the policy is attached to directly. */
  readonly targets: readonly string[];
}

export interface SnapshotIdentityCenter {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly region?: string;
  readonly permissionSets: readonly SnapshotPermissionSet[];
  readonly assignments: readonly SnapshotAssignment[];
  /** Names of every principal the snapshot mentions or the config asked for. */
  readonly principals: readonly SnapshotPrincipal[];
}

/**
 * A permission set's settable fields: what a snapshot observes and what a plan's update changes
 * (`permission-set-create` / `-update` carry them).
 */
export interface PermissionSetFields {
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly inlinePolicy?: string;
  readonly managedPolicies: readonly string[];
  readonly customerManagedPolicies: readonly { readonly name: string; readonly path: string }[];
  readonly permissionsBoundary?:
    | { readonly managedPolicyArn: string }
    | { readonly customerManagedPolicy: { readonly name: string; readonly path: string } };
  readonly tags: Tags;
}

export interface SnapshotPermissionSet extends PermissionSetFields {
  readonly arn: string;
  readonly name: string;
  /** Accounts where this permission set is provisioned. */
  readonly provisionedTo: readonly string[];
  /** Accounts still running an older version (`LATEST_PERMISSION_SET_NOT_PROVISIONED`). */
  readonly outdatedIn: readonly string[];
}

export interface SnapshotAssignment {
  readonly permissionSetArn: string;
  readonly accountId: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

export interface SnapshotPrincipal {
  readonly type: 'GROUP' | 'USER';
  readonly id: string;
  readonly name: string;
}
