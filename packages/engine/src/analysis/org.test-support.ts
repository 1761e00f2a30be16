/**
 * A small organization for analysis and renderer tests, as both a snapshot and a desired state:
 *
 *   /                       FullAWSAccess, deny-leave-org (SCP, 1 Deny)
 *   /Workloads
 *   /Workloads/Prod         prod-app 111111111111 (tagged environment=production)
 *   /Workloads/Dev          dev-app  222222222222
 *   /Suspended              old-app  333333333333, deny-all (SCP)
 *
 * Identity Center: Admin (AdministratorAccess, 1h), ReadOnly (ReadOnlyAccess, 4h); group
 * Developers holds ReadOnly in prod-app and dev-app; group Admins holds Admin in dev-app.
 */
import type { DesiredState } from '@orgops/model';
import type { AccountRef, AssignmentChange, Change, PrincipalRef, TargetRef } from '../change.ts';
import type { Snapshot } from '../snapshot.ts';

const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
export const PS_ARN = {
  Admin: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin',
  ReadOnly: 'arn:aws:sso:::permissionSet/ssoins-1/ps-readonly',
} as const;

export const DENY_LEAVE =
  '{"Statement":[{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
export const DENY_ALL =
  '{"Statement":[{"Action":"*","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
const FULL_ACCESS = '{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}';

export const ACCOUNTS = {
  prod: { email: 'prod-app@example.com', id: '111111111111', name: 'prod-app' },
  dev: { email: 'dev-app@example.com', id: '222222222222', name: 'dev-app' },
  old: { email: 'old-app@example.com', id: '333333333333', name: 'old-app' },
} as const satisfies Record<string, AccountRef>;

export const GROUPS = {
  developers: { type: 'GROUP', name: 'Developers', id: 'g-dev' },
  admins: { type: 'GROUP', name: 'Admins', id: 'g-admins' },
  alice: { type: 'USER', name: 'alice', id: 'u-alice' },
} as const satisfies Record<string, PrincipalRef>;

export function baseSnapshot(): Snapshot {
  return {
    snapshotVersion: 1,
    source: { backend: 'sandbox', location: '.orgops/sandbox.json', readAt: '2026-11-23T12:00:00.000Z' },
    organization: {
      id: 'o-test1234',
      managementAccountId: '999999999999',
      managementAccountEmail: 'mgmt@example.com',
      featureSet: 'ALL',
    },
    root: { id: 'r-root', policyTypes: [{ type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' }] },
    ous: [
      { id: 'ou-work', name: 'Workloads', parentId: 'r-root', tags: {} },
      { id: 'ou-prod', name: 'Prod', parentId: 'ou-work', tags: {} },
      { id: 'ou-dev', name: 'Dev', parentId: 'ou-work', tags: {} },
      { id: 'ou-susp', name: 'Suspended', parentId: 'r-root', tags: {} },
    ],
    accounts: [
      { ...ACCOUNTS.prod, state: 'ACTIVE', parentId: 'ou-prod', tags: { environment: 'production' } },
      { ...ACCOUNTS.dev, state: 'ACTIVE', parentId: 'ou-dev', tags: {} },
      { ...ACCOUNTS.old, state: 'ACTIVE', parentId: 'ou-susp', tags: {} },
    ],
    policies: [
      {
        id: 'p-FullAWSAccess',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'FullAWSAccess',
        description: '',
        content: FULL_ACCESS,
        awsManaged: true,
        tags: {},
        targets: ['r-root', 'ou-work', 'ou-prod', 'ou-dev', 'ou-susp'],
      },
      {
        id: 'p-denyleave',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'deny-leave-org',
        description: 'No leaving',
        content: DENY_LEAVE,
        awsManaged: false,
        tags: {},
        targets: ['r-root'],
      },
      {
        id: 'p-denyall',
        type: 'SERVICE_CONTROL_POLICY',
        name: 'deny-all',
        description: 'Quarantine',
        content: DENY_ALL,
        awsManaged: false,
        tags: {},
        targets: ['ou-susp'],
      },
    ],
    trustedServices: ['sso.amazonaws.com'],
    delegatedAdministrators: [],
    identityCenter: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1',
      identityStoreId: 'd-1',
      permissionSets: [
        {
          arn: PS_ARN.Admin,
          name: 'Admin',
          sessionDuration: 'PT1H',
          managedPolicies: [ADMIN_ARN],
          customerManagedPolicies: [],
          tags: {},
          provisionedTo: ['222222222222'],
          outdatedIn: [],
        },
        {
          arn: PS_ARN.ReadOnly,
          name: 'ReadOnly',
          sessionDuration: 'PT4H',
          managedPolicies: [READ_ONLY_ARN],
          customerManagedPolicies: [],
          tags: {},
          provisionedTo: ['111111111111', '222222222222'],
          outdatedIn: [],
        },
      ],
      assignments: [
        {
          permissionSetArn: PS_ARN.ReadOnly,
          accountId: '111111111111',
          principalType: 'GROUP',
          principalId: 'g-dev',
        },
        {
          permissionSetArn: PS_ARN.ReadOnly,
          accountId: '222222222222',
          principalType: 'GROUP',
          principalId: 'g-dev',
        },
        {
          permissionSetArn: PS_ARN.Admin,
          accountId: '222222222222',
          principalType: 'GROUP',
          principalId: 'g-admins',
        },
      ],
      principals: [
        { type: 'GROUP', id: 'g-dev', name: 'Developers' },
        { type: 'GROUP', id: 'g-admins', name: 'Admins' },
        { type: 'USER', id: 'u-alice', name: 'alice' },
      ],
    },
  };
}

/** The config matching {@link baseSnapshot}; tests edit copies of it. */
export function baseDesired(): DesiredState {
  const ou = (path: string, name: string, parentPath: string) => ({ path, name, parentPath, tags: {} });
  return {
    policyTypes: ['SERVICE_CONTROL_POLICY'],
    ous: [
      ou('/Workloads', 'Workloads', '/'),
      ou('/Workloads/Prod', 'Prod', '/Workloads'),
      ou('/Workloads/Dev', 'Dev', '/Workloads'),
      ou('/Suspended', 'Suspended', '/'),
    ],
    accounts: [
      {
        ...ACCOUNTS.prod,
        parentPath: '/Workloads/Prod',
        tags: { environment: 'production' },
        management: false,
      },
      { ...ACCOUNTS.dev, parentPath: '/Workloads/Dev', tags: {}, management: false },
      { ...ACCOUNTS.old, parentPath: '/Suspended', tags: {}, management: false },
    ],
    policies: [
      {
        type: 'SERVICE_CONTROL_POLICY',
        name: 'FullAWSAccess',
        description: '',
        content: FULL_ACCESS,
        tags: {},
        awsManaged: { id: 'p-FullAWSAccess' },
      },
      {
        type: 'SERVICE_CONTROL_POLICY',
        name: 'deny-leave-org',
        description: 'No leaving',
        content: DENY_LEAVE,
        tags: {},
      },
      {
        type: 'SERVICE_CONTROL_POLICY',
        name: 'deny-all',
        description: 'Quarantine',
        content: DENY_ALL,
        tags: {},
      },
    ],
    attachments: [
      ...['/', '/Workloads', '/Workloads/Prod', '/Workloads/Dev', '/Suspended'].map((target) => ({
        policyType: 'SERVICE_CONTROL_POLICY',
        policyName: 'FullAWSAccess',
        target,
        fromDefault: true,
      })),
      { policyType: 'SERVICE_CONTROL_POLICY', policyName: 'deny-leave-org', target: '/', fromDefault: false },
      {
        policyType: 'SERVICE_CONTROL_POLICY',
        policyName: 'deny-all',
        target: '/Suspended',
        fromDefault: false,
      },
    ],
    permissionSets: [
      {
        name: 'Admin',
        sessionDuration: 'PT1H',
        managedPolicies: [ADMIN_ARN],
        customerManagedPolicies: [],
        tags: {},
      },
      {
        name: 'ReadOnly',
        sessionDuration: 'PT4H',
        managedPolicies: [READ_ONLY_ARN],
        customerManagedPolicies: [],
        tags: {},
      },
    ],
    assignments: [],
    trustedServices: [{ principal: 'sso.amazonaws.com' }],
    ignore: {},
    disable: { trustedServices: [], policyTypes: [] },
  };
}

export function assignment(
  action: 'create' | 'delete',
  principal: PrincipalRef,
  permissionSet: string,
  account: AccountRef,
): AssignmentChange {
  return {
    kind: 'assignment',
    action,
    address: `assignment/${principal.type}:${principal.name}/${permissionSet}/${account.email}`,
    principal,
    permissionSet,
    account,
  };
}

export function attachment(
  action: 'attach' | 'detach',
  policyName: string,
  target: TargetRef,
  policyType = 'SERVICE_CONTROL_POLICY',
): Change {
  const where =
    target.kind === 'root' ? '/' : target.kind === 'ou' ? target.path : `account:${target.account.email}`;
  return {
    kind: 'policy-attachment',
    action,
    address: `attachment/${policyType}/${policyName}@${where}`,
    policyType,
    policyName,
    target,
  };
}
