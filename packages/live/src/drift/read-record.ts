import type { Snapshot } from '@orgops/engine';

/**
 * A full read kept so later drift checks can re-read only what CloudTrail shows changed since: the
 * snapshot, when the read started (writes from then on may be missing from it) and the policy
 * types it read. Written by `orgops drift --baseline FILE` after each full read.
 */
export interface ReadRecord {
  readonly kind: 'orgops-drift-baseline';
  readonly recordVersion: 1;
  /** ISO 8601: the full read started then; CloudTrail is asked for writes from this time on. */
  readonly readStartedAt: string;
  readonly policyTypes: readonly string[];
  readonly snapshot: Snapshot;
}

/**
 * Why a parsed file is not a record this orgops can continue from, or undefined when it is. The
 * file is input like any other: a wrong shape costs a full read, never a crash or a wrong report.
 */
export function recordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.kind !== 'orgops-drift-baseline') return 'it is not an orgops drift baseline (kind)';
  if (value.recordVersion !== 1) return `its recordVersion is ${JSON.stringify(value.recordVersion)}, not 1`;
  if (typeof value.readStartedAt !== 'string' || Number.isNaN(Date.parse(value.readStartedAt)))
    return 'readStartedAt is not a time';
  if (!Array.isArray(value.policyTypes) || !value.policyTypes.every((t) => typeof t === 'string'))
    return 'policyTypes is not a list of names';
  const s = value.snapshot;
  if (!isObject(s) || s.snapshotVersion !== 1) return 'it has no snapshot of version 1';
  if (!isObject(s.organization) || typeof s.organization.id !== 'string')
    return 'its snapshot has no organization id';
  if (!isObject(s.root) || typeof s.root.id !== 'string' || !Array.isArray(s.root.policyTypes))
    return 'its snapshot has no root';
  for (const list of ['ous', 'accounts', 'policies', 'trustedServices', 'delegatedAdministrators'] as const)
    if (!Array.isArray(s[list])) return `its snapshot has no ${list} list`;
  const ids = (items: unknown[], key: string) =>
    items.every((i) => isObject(i) && typeof i[key] === 'string');
  if (
    !ids(s.ous as unknown[], 'id') ||
    !ids(s.accounts as unknown[], 'id') ||
    !ids(s.policies as unknown[], 'id')
  )
    return 'its snapshot has entries without ids';
  const ic = s.identityCenter;
  if (ic !== undefined) {
    if (!isObject(ic) || typeof ic.instanceArn !== 'string') return 'its Identity Center has no instance';
    for (const list of ['permissionSets', 'assignments', 'principals'] as const)
      if (!Array.isArray(ic[list])) return `its Identity Center has no ${list} list`;
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
