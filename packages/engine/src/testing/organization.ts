/**
 * A small organization for analysis, renderer and drift tests, as both a snapshot and a desired
 * state, with fixed ids (rendered reviews and risk messages name them):
 *
 *   /                       FullAWSAccess, deny-leave-org (SCP, 1 Deny)
 *   /Workloads
 *   /Workloads/Prod         prod-app 111111111111 (tagged environment=production)
 *   /Workloads/Dev          dev-app  222222222222
 *   /Suspended              old-app  333333333333, deny-all (SCP)
 *
 * Identity Center: Admin (AdministratorAccess, 1h), ReadOnly (ReadOnlyAccess, 4h); group
 * Developers holds ReadOnly in prod-app and dev-app; group Admins holds Admin in dev-app.
 * The management account (999999999999) is named by the organization but not listed, and
 * FullAWSAccess is attached to the root and the OUs only.
 */
import type { DesiredState } from '@orgops/model';
import type { AccountRef, PrincipalRef } from '../change.ts';
import type { Snapshot } from '../snapshot.ts';
import { SnapshotBuilder } from './snapshot-builder.ts';

const SCP = 'SERVICE_CONTROL_POLICY';
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
export const PS_ARN = {
  Admin: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin',
  ReadOnly: 'arn:aws:sso:::permissionSet/ssoins-1/ps-readonly',
} as const;

export const DENY_LEAVE =
  '{"Statement":[{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
/** {@link DENY_LEAVE} with a second Deny added: the edit the review tests show as "+1 statement". */
export const DENY_LEAVE_AND_TRAIL =
  '{"Statement":[{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*"},{"Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}';
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

/** The organization as a read sees it; `extend` adds to it (OU ids: ou-work, ou-prod, ou-dev, ou-susp). */
export function baseSnapshot(extend: (b: SnapshotBuilder) => void = () => {}): Snapshot {
  const b = new SnapshotBuilder({
    organization: {
      id: 'o-test1234',
      managementAccountId: '999999999999',
      managementAccountEmail: 'mgmt@example.com',
      featureSet: 'ALL',
    },
    management: null,
    rootId: 'r-root',
    source: { backend: 'sandbox', location: '.orgops/sandbox.json', readAt: '2026-11-23T12:00:00.000Z' },
    identityCenter: { instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1' },
    principals: Object.values(GROUPS).map(({ type, id, name }) => ({ type, id, name })),
    fullAwsAccess: false,
  });
  const work = b.ou('Workloads', b.root, {}, { id: 'ou-work' });
  const prod = b.ou('Prod', work, {}, { id: 'ou-prod' });
  const dev = b.ou('Dev', work, {}, { id: 'ou-dev' });
  const suspended = b.ou('Suspended', b.root, {}, { id: 'ou-susp' });
  b.account(ACCOUNTS.prod.name, ACCOUNTS.prod.email, prod, {
    id: ACCOUNTS.prod.id,
    tags: { environment: 'production' },
  });
  b.account(ACCOUNTS.dev.name, ACCOUNTS.dev.email, dev, { id: ACCOUNTS.dev.id });
  b.account(ACCOUNTS.old.name, ACCOUNTS.old.email, suspended, { id: ACCOUNTS.old.id });
  b.policy(SCP, 'FullAWSAccess', FULL_ACCESS, [b.root, work, prod, dev, suspended], {
    id: 'p-FullAWSAccess',
    awsManaged: true,
  });
  b.policy(SCP, 'deny-leave-org', DENY_LEAVE, [b.root], { id: 'p-denyleave', description: 'No leaving' });
  b.policy(SCP, 'deny-all', DENY_ALL, [suspended], { id: 'p-denyall', description: 'Quarantine' });
  const admin = b.permissionSet('Admin', { arn: PS_ARN.Admin, managedPolicies: [ADMIN_ARN] });
  const readOnly = b.permissionSet('ReadOnly', {
    arn: PS_ARN.ReadOnly,
    sessionDuration: 'PT4H',
    managedPolicies: [READ_ONLY_ARN],
  });
  b.assignment(readOnly, ACCOUNTS.prod.id, GROUPS.developers.id);
  b.assignment(readOnly, ACCOUNTS.dev.id, GROUPS.developers.id);
  b.assignment(admin, ACCOUNTS.dev.id, GROUPS.admins.id);
  extend(b);
  return b.build();
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
