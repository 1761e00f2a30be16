import type { AccountState } from '@orgops/engine';
import type { Tags } from '@orgops/model';

/**
 * The Organizations port, split by what uses each half: the reader needs only the reads; each
 * backend implements the structure and the policy writes in separate modules.
 */
export interface OrganizationsPort extends OrganizationsReads, OrganizationsWrites {}

/** Organizations' describe and list operations: all the reader needs. */
export interface OrganizationsReads {
  describeOrganization(): Promise<OrganizationInfo>;
  listRoots(): Promise<readonly RootInfo[]>;
  listOrganizationalUnitsForParent(parentId: string): Promise<readonly OuInfo[]>;
  listAccounts(): Promise<readonly AccountInfo[]>;
  listAccountsForParent(parentId: string): Promise<readonly AccountInfo[]>;
  listParents(
    childId: string,
  ): Promise<readonly { readonly id: string; readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT' }[]>;
  listTagsForResource(resourceId: string): Promise<Tags>;
  listPolicies(type: string): Promise<readonly PolicySummary[]>;
  describePolicy(policyId: string): Promise<PolicySummary & { readonly content: string }>;
  listTargetsForPolicy(
    policyId: string,
  ): Promise<
    readonly { readonly targetId: string; readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' }[]
  >;
  listPoliciesForTarget(targetId: string, type: string): Promise<readonly PolicySummary[]>;
  listAWSServiceAccessForOrganization(): Promise<readonly string[]>;
  listDelegatedAdministrators(): Promise<readonly { readonly id: string; readonly email: string }[]>;
  listDelegatedServicesForAccount(accountId: string): Promise<readonly string[]>;
}

/** Organizations' writes: the structure and the policies and service settings. */
export interface OrganizationsWrites extends OrganizationsStructureWrites, OrganizationsPolicyWrites {}

/** Writes to the tree: OUs, accounts (with the create-account status poll) and their tags. */
export interface OrganizationsStructureWrites {
  createOrganizationalUnit(parentId: string, name: string, tags: Tags): Promise<OuInfo>;
  updateOrganizationalUnit(ouId: string, name: string): Promise<void>;
  deleteOrganizationalUnit(ouId: string): Promise<void>;
  createAccount(input: {
    readonly email: string;
    readonly name: string;
    readonly tags: Tags;
  }): Promise<CreateAccountStatus>;
  describeCreateAccountStatus(requestId: string): Promise<CreateAccountStatus>;
  moveAccount(accountId: string, sourceParentId: string, destinationParentId: string): Promise<void>;
  closeAccount(accountId: string): Promise<void>;
  tagResource(resourceId: string, tags: Tags): Promise<void>;
  untagResource(resourceId: string, keys: readonly string[]): Promise<void>;
}

/** Writes to policies, policy types, trusted service access and delegated administrators. */
export interface OrganizationsPolicyWrites {
  createPolicy(input: {
    readonly type: string;
    readonly name: string;
    readonly description: string;
    readonly content: string;
    readonly tags: Tags;
  }): Promise<PolicySummary>;
  updatePolicy(input: {
    readonly policyId: string;
    readonly name?: string;
    readonly description?: string;
    readonly content?: string;
  }): Promise<void>;
  deletePolicy(policyId: string): Promise<void>;
  attachPolicy(policyId: string, targetId: string): Promise<void>;
  detachPolicy(policyId: string, targetId: string): Promise<void>;
  enablePolicyType(rootId: string, type: string): Promise<void>;
  disablePolicyType(rootId: string, type: string): Promise<void>;
  enableAWSServiceAccess(servicePrincipal: string): Promise<void>;
  disableAWSServiceAccess(servicePrincipal: string): Promise<void>;
  registerDelegatedAdministrator(accountId: string, servicePrincipal: string): Promise<void>;
  deregisterDelegatedAdministrator(accountId: string, servicePrincipal: string): Promise<void>;
}

export interface OrganizationInfo {
  readonly id: string;
  readonly arn?: string;
  readonly featureSet: string;
  readonly managementAccountId: string;
  readonly managementAccountEmail?: string;
}

export interface RootInfo {
  readonly id: string;
  readonly name: string;
  readonly policyTypes: readonly {
    readonly type: string;
    readonly status: 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';
  }[];
}

export interface OuInfo {
  readonly id: string;
  readonly name: string;
}

export interface AccountInfo {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly state: AccountState;
  readonly joinedMethod?: 'INVITED' | 'CREATED';
}

export interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly awsManaged: boolean;
}

export interface CreateAccountStatus {
  readonly requestId: string;
  readonly state: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  readonly accountId?: string;
  readonly failureReason?: string;
}
