import {
  account,
  assign,
  type DesiredState,
  FullAWSAccess,
  group,
  normalize,
  type OrganizationConfig,
  organizationalUnit,
  organizationRoot,
  SCP,
  trustedService,
} from '@orgops/model';
import {
  denyDocument,
  denyLeavePolicy,
  managementIn,
  READ_ONLY_ACCESS,
  readOnlyPermissionSet,
  testOrganization,
} from '@orgops/model/testing';
import type { Snapshot, SnapshotAccount, SnapshotPolicy } from '../snapshot.ts';
import { SnapshotBuilder } from '../testing/snapshot-builder.ts';
import { checkConformance } from './conformance.ts';
import type { Discrepancy } from './types.ts';

/** A deny-only SCP document denying `action`. */
export const denyDoc = denyDocument;

export const DENY_LEAVE = denyDoc('organizations:LeaveOrganization');

/**
 * The config every oracle test starts from: root (FullAWSAccess + deny-leave), /Workloads/Prod
 * holding app (tagged), ReadOnly for developers on /Workloads, trusted access for Identity Center.
 */
export function baseConfig(overrides: Partial<Omit<OrganizationConfig, 'kind'>> = {}): OrganizationConfig {
  const root = organizationRoot({ policies: [FullAWSAccess, denyLeavePolicy()] });
  const workloads = organizationalUnit('Workloads', { parent: root });
  const prod = organizationalUnit('Prod', { parent: workloads, tags: { env: 'prod' } });
  const readOnly = readOnlyPermissionSet({ description: 'Read', sessionDuration: 'PT4H' });
  return testOrganization({
    root,
    organizationalUnits: [workloads, prod],
    accounts: [
      managementIn(root),
      account({ name: 'app', email: 'app@example.com', parent: prod, tags: { team: 'pay' } }),
    ],
    permissionSets: [readOnly],
    assignments: [assign(group('developers'), readOnly, [workloads])],
    trustedServices: [trustedService('sso.amazonaws.com')],
    ...overrides,
  });
}

export interface BaseIds {
  readonly workloads: string;
  readonly prod: string;
  readonly app: string;
  readonly denyLeave: string;
  readonly readOnly: string;
}

/** A snapshot that matches {@link baseConfig} exactly, and the ids in it. */
export function baseSnapshot(edit: (b: SnapshotBuilder, ids: BaseIds) => void = () => {}): Snapshot {
  const b = new SnapshotBuilder();
  const workloads = b.ou('Workloads');
  const prod = b.ou('Prod', workloads, { env: 'prod' });
  const app = b.account('app', 'app@example.com', prod, { tags: { team: 'pay' } });
  const denyLeave = b.policy(SCP, 'deny-leave', DENY_LEAVE, ['r-test']);
  const readOnly = b.permissionSet('ReadOnly', {
    description: 'Read',
    sessionDuration: 'PT4H',
    managedPolicies: [READ_ONLY_ACCESS],
  });
  b.assignment(readOnly, app, 'g-developers');
  edit(b, { workloads, prod, app, denyLeave, readOnly });
  return b.build();
}

export function desiredOf(config: OrganizationConfig): DesiredState {
  return normalize(config);
}

/** The discrepancy codes, sorted, for compact assertions. */
export function codes(config: OrganizationConfig, snapshot: Snapshot): string[] {
  return check(config, snapshot)
    .map((d) => d.what)
    .sort();
}

export function check(config: OrganizationConfig, snapshot: Snapshot): Discrepancy[] {
  return checkConformance(normalize(config), snapshot);
}

/** Replaces one account of a snapshot. */
export function withAccount(snapshot: Snapshot, id: string, change: Partial<SnapshotAccount>): Snapshot {
  return { ...snapshot, accounts: snapshot.accounts.map((a) => (a.id === id ? { ...a, ...change } : a)) };
}

/** Replaces one policy of a snapshot. */
export function withPolicy(snapshot: Snapshot, id: string, change: Partial<SnapshotPolicy>): Snapshot {
  return { ...snapshot, policies: snapshot.policies.map((p) => (p.id === id ? { ...p, ...change } : p)) };
}
