import type { ChangeKind, Snapshot } from '@orgops/engine';
import { AWS_MANAGED_POLICY_CONTENT } from '@orgops/live';
import { LIMITS, OrgopsError } from '@orgops/model';
import { permissionSetFields } from './permission-set-fields.ts';
import {
  DEFAULT_POLICY_BY_TYPE,
  FULL_AWS_ACCESS_CONTENT,
  FULL_AWS_ACCESS_ID,
  RCP_FULL_AWS_ACCESS_CONTENT,
  RCP_FULL_AWS_ACCESS_ID,
  type SandboxIdentityCenter,
  type SandboxPolicy,
  type SandboxState,
} from './state.ts';

/** What the user knows that the snapshot cannot (a quota AWS raised through a support case). */
export interface TwinOptions {
  /** Accounts the organization may hold; wins over the value read from Service Quotas. */
  readonly maxAccounts?: number;
}

/** Something the twin had to assume, and which kinds of change it can matter to. */
export interface TwinAssumption {
  readonly text: string;
  readonly concerns: readonly ChangeKind[];
}

export interface TwinSeed {
  readonly state: SandboxState;
  readonly assumptions: readonly TwinAssumption[];
  /** Ids of accounts that were closing when the snapshot was read (see `startPendingClosures`). */
  readonly pendingClosures: readonly string[];
}

/**
 * A sandbox state that is the organization the snapshot describes: the same ids (so a plan's
 * changes, which name live ids, apply unchanged), OUs, accounts, policies and attachments,
 * trusted access, delegated administrators, permission sets with their provisioning, assignments
 * and the identity-store principals the snapshot names. Where the snapshot is silent the twin
 * assumes the stricter case and says so (see the sandbox README, "Twins").
 */
export function twinState(snapshot: Snapshot, options: TwinOptions = {}): TwinSeed {
  if (snapshot.organization.featureSet !== 'ALL')
    throw new OrgopsError(
      'rehearsal-unsupported',
      `Organization ${snapshot.organization.id} has feature set ${snapshot.organization.featureSet || 'unknown'}; the rehearsal twin models only organizations with all features enabled (policies need them). Plan without --rehearse, or enable all features.`,
      'user',
    );
  const assumptions: TwinAssumption[] = [];
  const root = rootOf(snapshot, assumptions);
  const state: SandboxState = {
    stateVersion: 1,
    counters: {},
    tick: 0,
    organization: {
      id: snapshot.organization.id,
      arn:
        snapshot.organization.arn ??
        `arn:aws:organizations::${snapshot.organization.managementAccountId}:organization/${snapshot.organization.id}`,
      featureSet: 'ALL',
      managementAccountId: snapshot.organization.managementAccountId,
    },
    root,
    quotas: { maxAccounts: accountQuota(snapshot, options, assumptions) },
    ous: snapshot.ous.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId, tags: { ...o.tags } })),
    accounts: snapshot.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      state: a.state,
      parentId: a.parentId,
      tags: { ...a.tags },
      // Only RemoveAccountFromOrganization looks at it, which orgops never calls.
      joinedMethod: a.joinedMethod ?? 'CREATED',
      // Closures in progress finish once the rehearsal starts (startPendingClosures).
      ...(a.state === 'PENDING_CLOSURE' ? { suspendAtTick: Number.MAX_SAFE_INTEGER } : {}),
    })),
    policies: policiesOf(snapshot),
    trustedServices: [...snapshot.trustedServices],
    delegatedAdministrators: snapshot.delegatedAdministrators.map((d) => ({ ...d })),
    // Requests started before the read are not in the snapshot: none is assumed in progress.
    createAccountRequests: [],
    closedAccounts: recentClosures(snapshot, assumptions),
    ...(snapshot.identityCenter ? { identityCenter: identityCenterOf(snapshot) } : {}),
  };
  state.counters = countersPast(state);
  return {
    state,
    assumptions,
    pendingClosures: snapshot.accounts.filter((a) => a.state === 'PENDING_CLOSURE').map((a) => a.id),
  };
}

/**
 * Closures that were in progress when the snapshot was read complete `afterCalls` calls from now,
 * as they would while an apply runs: called once the rehearsal has re-read the twin, so the
 * freshness check sees them as the plan did.
 */
export function startPendingClosures(state: SandboxState, ids: readonly string[], afterCalls: number): void {
  for (const account of state.accounts)
    if (ids.includes(account.id) && account.state === 'PENDING_CLOSURE')
      account.suspendAtTick = state.tick + afterCalls;
}

function rootOf(snapshot: Snapshot, assumptions: TwinAssumption[]): SandboxState['root'] {
  const enabled: string[] = [];
  for (const t of snapshot.root.policyTypes) {
    if (t.status === 'ENABLED') enabled.push(t.type);
    else if (t.status === 'PENDING_ENABLE') {
      enabled.push(t.type);
      assumptions.push({
        text: `${t.type} was still being enabled when the organization was read; the twin treats it as enabled, as the plan does.`,
        concerns: ['policy-type', 'policy-attachment'],
      });
    } else {
      assumptions.push({
        text: `${t.type} was being disabled when the organization was read; the twin treats it as disabled.`,
        concerns: ['policy-type', 'policy-attachment'],
      });
    }
  }
  // The root's tags are not part of the snapshot, and orgops never changes them.
  return { id: snapshot.root.id, name: 'Root', enabledPolicyTypes: enabled, tags: {} };
}

/**
 * The account quota: what the user said, else what the reader read from Service Quotas, else
 * (quota not read) no room beyond what the organization holds, or AWS's default when that is more.
 */
function accountQuota(snapshot: Snapshot, options: TwinOptions, assumptions: TwinAssumption[]): number {
  const counted = snapshot.accounts.filter((a) => a.state !== 'CLOSED').length;
  const concerns: ChangeKind[] = ['account-create'];
  if (options.maxAccounts !== undefined) {
    assumptions.push({
      text: `The account quota is ${options.maxAccounts}, as given with --account-quota (the organization holds ${counted}).`,
      concerns,
    });
    return options.maxAccounts;
  }
  const quotas = snapshot.quotas;
  if (quotas?.maxAccounts !== undefined) return quotas.maxAccounts;
  const fallback = LIMITS.organizations.defaultMaxAccounts;
  const assumed = Math.max(fallback, counted);
  const why = quotas?.maxAccountsUnreadable
    ? `could not be read (${quotas.maxAccountsUnreadable})`
    : 'was not read';
  const what =
    assumed === fallback
      ? `${assumed}, AWS's default (the organization holds ${counted})`
      : `${assumed}, the accounts the organization holds: no room for another`;
  assumptions.push({
    text: `The account quota ${why}; the twin assumed ${what}. Give the real quota with --account-quota.`,
    concerns,
  });
  return assumed;
}

/**
 * AWS counts closures in a rolling 30 days; the snapshot says which accounts are suspended or
 * closing, not when. Every one of them is counted, as if closed within the window.
 */
function recentClosures(snapshot: Snapshot, assumptions: TwinAssumption[]): number {
  const closed = snapshot.accounts.filter((a) => a.state === 'SUSPENDED' || a.state === 'PENDING_CLOSURE');
  if (closed.length > 0) {
    const members = snapshot.accounts.filter(
      (a) => a.id !== snapshot.organization.managementAccountId,
    ).length;
    const quota = LIMITS.organizations.closeAccountQuota(members);
    assumptions.push({
      text: `${closed.length} account(s) are suspended or closing; the snapshot does not say when they were closed, so the twin counts all of them against the 30-day CloseAccount quota of ${quota} (${Math.max(0, quota - closed.length)} left).`,
      concerns: ['account-close'],
    });
  }
  return closed.length;
}

const DEFAULT_CONTENT: Readonly<Record<string, string>> = {
  [FULL_AWS_ACCESS_ID]: FULL_AWS_ACCESS_CONTENT,
  [RCP_FULL_AWS_ACCESS_ID]: RCP_FULL_AWS_ACCESS_CONTENT,
};

/**
 * The snapshot's policies, with AWS's content for the managed ones it knows. The managed default
 * policies are added when the snapshot did not read their type: enabling the type attaches them
 * everywhere, and they take an attachment slot (RCPFullAWSAccess counts toward the 5 RCPs).
 */
function policiesOf(snapshot: Snapshot): SandboxPolicy[] {
  const policies: SandboxPolicy[] = snapshot.policies.map((p) => ({
    id: p.id,
    type: p.type,
    name: p.name,
    description: p.description,
    content: p.content || (AWS_MANAGED_POLICY_CONTENT[p.id] ?? ''),
    awsManaged: p.awsManaged,
    tags: { ...p.tags },
    targets: [...p.targets],
  }));
  for (const [type, id] of Object.entries(DEFAULT_POLICY_BY_TYPE)) {
    if (policies.some((p) => p.id === id)) continue;
    policies.push({
      id,
      type,
      name: id.slice(2),
      description: 'Allows access to every operation',
      content: DEFAULT_CONTENT[id] ?? '',
      awsManaged: true,
      tags: {},
      targets: [],
    });
  }
  return policies;
}

/**
 * Permission sets at version 1, provisioned at version 1 where current and 0 where the snapshot
 * says the account runs an older version (`outdatedIn`), so the twin reports the same
 * LATEST_PERMISSION_SET_NOT_PROVISIONED accounts. The identity store holds the principals the
 * snapshot names: those the config asked for and those holding assignments.
 */
function identityCenterOf(snapshot: Snapshot): SandboxIdentityCenter {
  const ic = snapshot.identityCenter;
  if (!ic) throw new Error('identityCenterOf needs an Identity Center snapshot');
  return {
    instanceArn: ic.instanceArn,
    identityStoreId: ic.identityStoreId,
    groups: ic.principals.filter((p) => p.type === 'GROUP').map((p) => ({ id: p.id, name: p.name })),
    users: ic.principals.filter((p) => p.type === 'USER').map((p) => ({ id: p.id, name: p.name })),
    permissionSets: ic.permissionSets.map((ps) => ({
      ...permissionSetFields(ps),
      version: 1,
      provisioned: Object.fromEntries(
        ps.provisionedTo.map((account) => [account, ps.outdatedIn.includes(account) ? 0 : 1]),
      ),
    })),
    assignments: ic.assignments.map((a) => ({ ...a })),
    requests: [],
  };
}

/**
 * Id counters past every seeded id the sandbox could generate again, so a new OU, policy,
 * account or permission set never takes a live id. Only ids in the sandbox's own formats can
 * collide; a number too large to count exactly cannot be reached by a counter either.
 */
function countersPast(state: SandboxState): Record<string, number> {
  const highest = (ids: readonly string[], pattern: RegExp, radix: number, offset = 0): number => {
    let max = 0;
    for (const id of ids) {
      const digits = pattern.exec(id)?.[1];
      if (!digits) continue;
      const n = Number.parseInt(digits, radix) - offset;
      if (Number.isSafeInteger(n) && n > max) max = n;
    }
    return max;
  };
  const accountIds = state.accounts.map((a) => a.id);
  return {
    ou: highest(
      state.ous.map((o) => o.id),
      /^ou-[0-9a-z]+-([0-9a-z]{8,})$/,
      36,
    ),
    policy: highest(
      state.policies.map((p) => p.id),
      /^p-([0-9a-z]{8,})$/,
      36,
    ),
    account: highest(accountIds, /^(1\d{11})$/, 10, 100_000_000_000),
    'permission-set': highest(
      (state.identityCenter?.permissionSets ?? []).map((p) => p.arn),
      /\/ps-([0-9a-f]{16,})$/,
      16,
    ),
  };
}
