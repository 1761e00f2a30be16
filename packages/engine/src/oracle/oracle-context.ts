import type { DesiredState } from '@orgops/model';
import type { Snapshot, SnapshotAccount } from '../snapshot.ts';
import { type IgnoreView, ignoreView } from './ignore.ts';
import { desiredSegments, liveSegments, type Segments, segmentsOfText } from './segments.ts';
import type { Discrepancy, DiscrepancyCode } from './types.ts';

/** What every check reads, computed once: the two trees as segment paths and the ignore rules. */
export interface OracleContext {
  readonly desired: DesiredState;
  readonly snapshot: Snapshot;
  readonly ignore: IgnoreView;
  /** Config OU path text -> segments (`/` -> `[]`). */
  readonly desiredOus: ReadonlyMap<string, Segments>;
  /** Live root and OU id -> segments. */
  readonly liveParents: ReadonlyMap<string, Segments>;
  report(what: DiscrepancyCode, where: string, expected: string, actual: string): void;
  readonly found: readonly Discrepancy[];
}

export function oracleContext(desired: DesiredState, snapshot: Snapshot): OracleContext {
  const found: Discrepancy[] = [];
  return {
    desired,
    snapshot,
    ignore: ignoreView(desired.ignore),
    desiredOus: desiredSegments(desired),
    liveParents: liveSegments(snapshot),
    report: (what, where, expected, actual) => found.push({ what, where, expected, actual }),
    found,
  };
}

/** Segments of a config OU path; an undeclared path is read as written. */
export function segmentsOfDesired(ctx: OracleContext, path: string): Segments {
  return ctx.desiredOus.get(path) ?? segmentsOfText(path);
}

/** Segments of a live account's parent. */
export function parentOfLive(ctx: OracleContext, account: SnapshotAccount): Segments {
  return ctx.liveParents.get(account.parentId) ?? [`?${account.parentId}`];
}

/** Accounts that AWS still lets orgops change; closing and closed ones stay listed for 90 days. */
export function isActive(account: SnapshotAccount): boolean {
  return account.state === 'ACTIVE' || account.state === 'PENDING_ACTIVATION';
}

export function accountLabel(account: {
  readonly name: string;
  readonly email: string;
  readonly id?: string;
}): string {
  return `account ${account.name} <${account.email.toLowerCase()}>${account.id ? ` (${account.id})` : ''}`;
}

/** Tags as one comparable text: keys sorted. */
export function showTags(tags: Readonly<Record<string, string>>): string {
  const keys = Object.keys(tags).sort();
  return keys.length === 0 ? '{}' : `{${keys.map((k) => `${k}=${tags[k]}`).join(', ')}}`;
}

export function sameTags(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
