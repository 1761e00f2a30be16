import { randomBytes } from 'node:crypto';
import type { AccountState } from '@orgops/engine';
import { FULL_AWS_ACCESS, LIMITS, RCP_FULL_AWS_ACCESS, type Tags } from '@orgops/model';

/**
 * The whole sandbox organization as plain JSON data: what `openSandbox` persists and what tests
 * seed. Asynchronous requests are kept here too, so a crash between a call and its polls leaves a
 * file that a later run can finish.
 */
export interface SandboxState {
  readonly stateVersion: 1;
  /** Id counters, so every id is deterministic. */
  counters: Record<string, number>;
  /** Every call made, across runs; drives time-based transitions (account closure). */
  tick: number;
  organization: { id: string; arn: string; featureSet: 'ALL'; managementAccountId: string };
  root: { id: string; name: string; enabledPolicyTypes: string[]; tags: Tags };
  quotas: { maxAccounts: number };
  ous: SandboxOu[];
  accounts: SandboxAccount[];
  policies: SandboxPolicy[];
  trustedServices: string[];
  delegatedAdministrators: { accountId: string; servicePrincipal: string }[];
  createAccountRequests: SandboxCreateAccountRequest[];
  /** Accounts closed so far, for the rolling CloseAccount quota. */
  closedAccounts: number;
  identityCenter?: SandboxIdentityCenter;
  /**
   * CloudTrail's event history: every write call, as AWS records it (the last 90 days). Absent in
   * files written before the sandbox recorded events.
   */
  events?: SandboxEvent[];
}

/** A management event as CloudTrail records it (the fields LookupEvents returns that drift reads). */
export interface SandboxEvent {
  id: string;
  time: string;
  source: string;
  name: string;
  request: Record<string, unknown>;
  errorCode?: string;
}

export interface SandboxOu {
  id: string;
  name: string;
  parentId: string;
  tags: Tags;
}

export interface SandboxAccount {
  id: string;
  name: string;
  email: string;
  state: AccountState;
  parentId: string;
  tags: Tags;
  joinedMethod: 'INVITED' | 'CREATED';
  /** Tick at which a PENDING_CLOSURE account becomes SUSPENDED. */
  suspendAtTick?: number;
}

export interface SandboxPolicy {
  id: string;
  type: string;
  name: string;
  description: string;
  content: string;
  awsManaged: boolean;
  tags: Tags;
  targets: string[];
}

export interface SandboxCreateAccountRequest {
  id: string;
  email: string;
  name: string;
  tags: Tags;
  state: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  pollsLeft: number;
  accountId?: string;
  failureReason?: string;
}

export interface SandboxIdentityCenter {
  instanceArn: string;
  identityStoreId: string;
  groups: { id: string; name: string }[];
  users: { id: string; name: string }[];
  permissionSets: SandboxPermissionSet[];
  assignments: SandboxAssignment[];
  requests: SandboxSsoRequest[];
}

export interface SandboxPermissionSet {
  arn: string;
  name: string;
  description?: string;
  sessionDuration: string;
  relayState?: string;
  inlinePolicy?: string;
  managedPolicies: string[];
  customerManagedPolicies: { name: string; path: string }[];
  permissionsBoundary?:
    | { managedPolicyArn: string }
    | { customerManagedPolicy: { name: string; path: string } };
  tags: Tags;
  /** Bumped on every change, so provisioned accounts can be told apart as current or outdated. */
  version: number;
  /** Account id -> version provisioned there. */
  provisioned: Record<string, number>;
}

export interface SandboxAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: 'GROUP' | 'USER';
  principalId: string;
}

export interface SandboxSsoRequest {
  id: string;
  kind: 'create-assignment' | 'delete-assignment' | 'provision';
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  pollsLeft: number;
  permissionSetArn: string;
  accountId: string;
  assignment?: SandboxAssignment;
  failureReason?: string;
}

export const SEED_GROUPS = [
  'platform-admins',
  'developers',
  'security-auditors',
  'incident-responders',
  'read-only',
  'finops',
] as const;
export const SEED_USERS = ['alice', 'bob', 'carol'] as const;

/** A deterministic UUID for the n-th identity-store principal. */
export function principalUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * A fresh organization id, so two sandbox files are two organizations and a plan made against
 * one is refused by the other, as it would be between two real organizations.
 */
export function newOrganizationId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(10);
  return `o-sbx${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * The seed organization: all features, SCPs enabled with FullAWSAccess on the root and the
 * management account, trusted access for Identity Center, and a small identity store.
 */
export function seedState(
  options: { readonly organizationId?: string; readonly maxAccounts?: number } = {},
): SandboxState {
  const managementAccountId = '100000000000';
  const organizationId = options.organizationId ?? 'o-sandbox00001';
  const rootId = 'r-sbx0';
  const groups = SEED_GROUPS.map((name, i) => ({ id: principalUuid(i + 1), name }));
  const users = SEED_USERS.map((name, i) => ({ id: principalUuid(101 + i), name }));
  return {
    stateVersion: 1,
    counters: {},
    tick: 0,
    organization: {
      id: organizationId,
      arn: `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`,
      featureSet: 'ALL',
      managementAccountId,
    },
    root: { id: rootId, name: 'Root', enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'], tags: {} },
    quotas: { maxAccounts: options.maxAccounts ?? LIMITS.organizations.defaultMaxAccounts },
    ous: [],
    accounts: [
      {
        id: managementAccountId,
        name: 'management',
        email: 'aws-management@example.com',
        state: 'ACTIVE',
        parentId: rootId,
        tags: {},
        joinedMethod: 'CREATED',
      },
    ],
    policies: [
      {
        id: FULL_AWS_ACCESS_ID,
        type: 'SERVICE_CONTROL_POLICY',
        name: FULL_AWS_ACCESS.name,
        description: 'Allows access to every operation',
        content: FULL_AWS_ACCESS_CONTENT,
        awsManaged: true,
        tags: {},
        targets: [rootId, managementAccountId],
      },
      {
        id: RCP_FULL_AWS_ACCESS_ID,
        type: 'RESOURCE_CONTROL_POLICY',
        name: RCP_FULL_AWS_ACCESS.name,
        description: 'Allows access to every operation',
        content: RCP_FULL_AWS_ACCESS_CONTENT,
        awsManaged: true,
        tags: {},
        targets: [],
      },
    ],
    trustedServices: ['sso.amazonaws.com'],
    delegatedAdministrators: [],
    createAccountRequests: [],
    closedAccounts: 0,
    identityCenter: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-sandbox000000001',
      identityStoreId: 'd-0000000000',
      groups,
      users,
      permissionSets: [],
      assignments: [],
      requests: [],
    },
  };
}

/**
 * The account quota of a new sandbox file. AWS starts organizations at 10 (what `seedState()` keeps,
 * for tests), which the example organization fills exactly; a sandbox starts as an organization
 * that asked Service Quotas for more, so the example can grow. Raise `quotas.maxAccounts` in the
 * file to go higher.
 */
export const SANDBOX_FILE_MAX_ACCOUNTS = 50;

export const FULL_AWS_ACCESS_ID: string = FULL_AWS_ACCESS.id;
export const RCP_FULL_AWS_ACCESS_ID: string = RCP_FULL_AWS_ACCESS.id;
export const FULL_AWS_ACCESS_CONTENT =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
export const RCP_FULL_AWS_ACCESS_CONTENT =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';

/** The AWS-managed policy that is attached automatically to every target when its type is enabled. */
export const DEFAULT_POLICY_BY_TYPE: Readonly<Record<string, string>> = {
  SERVICE_CONTROL_POLICY: FULL_AWS_ACCESS_ID,
  RESOURCE_CONTROL_POLICY: RCP_FULL_AWS_ACCESS_ID,
};

/** Next value of a named counter. */
export function nextId(state: SandboxState, counter: string): number {
  const n = (state.counters[counter] ?? 0) + 1;
  state.counters[counter] = n;
  return n;
}
