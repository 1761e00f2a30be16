import type { Snapshot } from '@orgops/engine';
import { CallScheduler } from '../pacing/call-scheduler.ts';
import { type Clock, systemClock } from '../pacing/clock.ts';
import { type Backend, isServiceError, type TrailEvent } from '../ports.ts';
import { readQuotas } from '../reader/read-quotas.ts';
import {
  policyTypesToRead,
  type ReadOptions,
  readDelegatedAdministrators,
  readSnapshot,
} from '../reader/read-snapshot.ts';
import { snapshotOrganization, snapshotRoot } from '../reader/snapshot-organization.ts';
import { mergeIdentityCenter } from './merge-identity-center.ts';
import { mergeOrganizationTree } from './merge-organization.ts';
import { mergePolicies } from './merge-policies.ts';
import { type ReadRecord, recordProblem } from './read-record.ts';
import { interpretEvents } from './trail-effects.ts';

/** CloudTrail's history is 90 days; a window that starts within an hour of its edge is not trusted. */
const WINDOW_MARGIN_MS = 60 * 60 * 1000;

export interface DriftReadOptions extends ReadOptions {
  /**
   * Re-read what CloudTrail shows was written from this time on. Default: when the baseline's
   * read started. A later time than that is refused (writes between would be missed): full read.
   */
  readonly since?: Date;
  /** Whose time "now" is (default the system clock). */
  readonly clock?: Clock;
}

/** What a drift read did, for the report and the baseline. */
export type DriftRead =
  | {
      readonly mode: 'full';
      readonly snapshot: Snapshot;
      /** The new baseline: this read. */
      readonly record: ReadRecord;
      /** Why it did not continue from the baseline (or that there was none). */
      readonly reason: string;
    }
  | {
      readonly mode: 'incremental';
      readonly snapshot: Snapshot;
      readonly since: string;
      /** Writes up to this time are certainly in the events (CloudTrail's delivery delay). */
      readonly coveredUntil: string;
      /** That delay: 0 where events are recorded as the call returns (the sandbox). */
      readonly deliveryDelayMs: number;
      /** Write events of Organizations and Identity Center in the window. */
      readonly events: number;
      /** What was read again, in words. */
      readonly reread: string;
    };

/** A full read, kept as a baseline for later drift checks. */
export async function readFull(backend: Backend, options: DriftReadOptions = {}): Promise<ReadRecord> {
  const clock = options.clock ?? systemClock;
  const readStartedAt = new Date(clock.now()).toISOString();
  const snapshot = await readSnapshot(backend, options);
  return {
    kind: 'orgops-drift-baseline',
    recordVersion: 1,
    readStartedAt,
    policyTypes: policyTypesToRead(snapshot.root, options.policyTypes),
    snapshot,
  };
}

/**
 * The snapshot a drift check plans against. With a usable baseline (the last full read) it reads
 * again only what CloudTrail's event history shows was written since, and afresh what AWS changes
 * without an event there (account names, emails and states; trusted access; delegated
 * administrators; users and groups); it trusts nothing else. It reads everything, and says why,
 * when there is no baseline, the baseline is not usable or of another organization, the window
 * starts beyond CloudTrail's 90 days, an event cannot be scoped, an account left the organization,
 * or Identity Center is administered from another account (whose events are recorded there).
 */
export async function readForDrift(
  backend: Backend,
  baseline: unknown,
  options: DriftReadOptions = {},
): Promise<DriftRead> {
  const clock = options.clock ?? systemClock;
  const full = async (reason: string): Promise<DriftRead> => {
    const record = await readFull(backend, options);
    return { mode: 'full', snapshot: record.snapshot, record, reason };
  };
  if (baseline === undefined) return full('there is no earlier full read to continue from');
  const problem = recordProblem(baseline);
  if (problem) return full(`the baseline is not one orgops can continue from: ${problem}`);
  const record = baseline as ReadRecord;
  const trail = backend.cloudTrail;
  if (!trail) return full(`the ${backend.kind} backend has no CloudTrail event history`);
  const readStartedAt = Date.parse(record.readStartedAt);
  const since = options.since?.getTime() ?? readStartedAt;
  const now = clock.now();
  if (since > readStartedAt)
    return full(
      `--since ${iso(since)} is later than the last full read (${record.readStartedAt}): writes between them would be missed`,
    );
  if (since > now) return full(`${iso(since)} is in the future`);
  if (since < now - trail.retentionMs + WINDOW_MARGIN_MS)
    return full(
      `${iso(since)} is beyond CloudTrail's ${Math.round(trail.retentionMs / 86_400_000)}-day event history`,
    );

  const calls = new CallScheduler(options.concurrency === undefined ? {} : { total: options.concurrency });
  const org = backend.organizations;
  // The events first: whatever is read after them is at least as new as they are.
  let events: readonly TrailEvent[];
  try {
    events = await calls.run('cloudtrail', 'LookupEvents', () =>
      trail.lookupWriteEvents(new Date(since), new Date(now)),
    );
  } catch (err) {
    // No permission yet (a drift role from before cloudtrail:LookupEvents), an emulator without
    // the API: the events are unknown, so everything is read.
    if (!isServiceError(err)) throw err;
    return full(`CloudTrail's event history could not be read (${err.code}: ${err.message.split('\n')[0]})`);
  }
  const [organization, roots, trustedServices, delegated, accounts, instances, quotas] = await Promise.all([
    calls.run('organizations', 'DescribeOrganization', () => org.describeOrganization()),
    calls.run('organizations', 'ListRoots', () => org.listRoots()),
    calls.run('organizations', 'ListAWSServiceAccessForOrganization', () =>
      org.listAWSServiceAccessForOrganization(),
    ),
    calls.run('organizations', 'ListDelegatedAdministrators', () => org.listDelegatedAdministrators()),
    calls.run('organizations', 'ListAccounts', () => org.listAccounts()),
    calls.run('sso-admin', 'ListInstances', () => backend.ssoAdmin.listInstances()),
    // Raised in Service Quotas, not Organizations: no event here says when.
    readQuotas(backend, calls),
  ]);
  const b = record.snapshot;
  if (organization.id !== b.organization.id)
    return full(`the baseline is of organization ${b.organization.id}, not ${organization.id}`);
  const root = roots[0];
  if (!root || root.id !== b.root.id) return full('the root is not the one the baseline has');
  const instance = instances[0];
  if ((instance?.instanceArn ?? null) !== (b.identityCenter?.instanceArn ?? null))
    return full('the Identity Center instance is not the one the baseline has');
  const delegatedAdministrators = await readDelegatedAdministrators(org, delegated, calls);
  const ssoAdmin = delegatedAdministrators.find((d) => d.servicePrincipal === 'sso.amazonaws.com');
  if (ssoAdmin)
    return full(
      `Identity Center is administered from account ${ssoAdmin.accountId} too, whose changes are recorded in that account's CloudTrail, not this one's`,
    );
  const scoped = interpretEvents(events);
  if ('incomplete' in scoped) return full(scoped.incomplete);
  const fresh = new Set(accounts.map((a) => a.id));
  const gone = b.accounts.find((a) => !fresh.has(a.id));
  if (gone) return full(`account ${gone.id} is no longer in the organization`);

  const dirty = scoped.dirty;
  const types = policyTypesToRead(root, options.policyTypes);
  const tree = await mergeOrganizationTree(org, b, accounts, dirty, calls);
  if (tree.accounts.length !== accounts.length)
    return full(`the events do not explain where ${accounts.length - tree.accounts.length} account(s) went`);
  const [policies, ic] = await Promise.all([
    mergePolicies(
      org,
      b,
      record.policyTypes,
      root,
      types,
      dirty,
      { added: tree.newTargets, removed: tree.removedTargets },
      calls,
    ),
    instance && b.identityCenter
      ? mergeIdentityCenter(backend, instance, b.identityCenter, dirty, options.principals ?? [], calls)
      : undefined,
  ]);
  const snapshot: Snapshot = {
    snapshotVersion: 1,
    source: {
      backend: backend.kind,
      location: backend.location,
      readAt: new Date(clock.now()).toISOString(),
    },
    organization: snapshotOrganization(organization),
    root: snapshotRoot(root),
    ous: tree.ous,
    accounts: tree.accounts,
    policies: policies.policies,
    trustedServices: [...trustedServices],
    delegatedAdministrators,
    ...(ic ? { identityCenter: ic.identityCenter } : {}),
    ...(quotas ? { quotas } : {}),
  };
  const relevant = events.filter(
    (e) => e.source === 'organizations.amazonaws.com' || e.source === 'sso.amazonaws.com',
  );
  return {
    mode: 'incremental',
    snapshot,
    since: iso(since),
    coveredUntil: iso(now - trail.deliveryDelayMs),
    deliveryDelayMs: trail.deliveryDelayMs,
    events: relevant.length,
    reread: [
      `${tree.relisted} parent(s) listed`,
      `${tree.retagged} OU/account tag set(s)`,
      `${policies.reread} polic${policies.reread === 1 ? 'y' : 'ies'}`,
      `${ic?.permissionSetsReread ?? 0} permission set(s)`,
      `${ic?.pairsRelisted ?? 0} assignment pair(s)`,
    ].join(', '),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
