import { canonicalizeJsonText, type DesiredPolicy, type DesiredState } from '@orgops/model';
import { address } from '../addresses.ts';
import type { PolicyCreate, PolicyUpdate } from '../change.ts';
import type { SnapshotPolicy } from '../snapshot.ts';
import { diffTags, type PlanBuilder } from './builder.ts';
import { type LiveIndex, policyKey } from './live-index.ts';

/** Desired policy key -> live policy (absent: to be created); plus the live policies to delete. */
export interface PolicyMatch {
  readonly liveByKey: ReadonlyMap<string, SnapshotPolicy>;
  readonly deleted: readonly SnapshotPolicy[];
}

/**
 * Policies are matched by type + name, each live policy to at most one config policy.
 * `renamedFrom` claims the live policy under the old name and wins over a plain name match, so a
 * rename that hands the old name to a new policy renames the live one and creates the new one.
 * Contents compare as canonical JSON so key order and whitespace never show up as drift.
 * AWS-managed policies are referenced, never written.
 *
 * Order within the phase (the applier runs it one change at a time, in this order): renames
 * first, a rename away from a name before the rename or create that takes it, because AWS
 * refuses a duplicate policy name of one type (DuplicatePolicyException).
 */
export function diffPolicies(desired: DesiredState, live: LiveIndex, out: PlanBuilder): PolicyMatch {
  const liveByKey = new Map<string, SnapshotPolicy>();
  const claimed = new Set<string>();
  const claims = new Map<DesiredPolicy, { live: SnapshotPolicy; rank: number }>();
  const customer = desired.policies.filter((p) => !p.awsManaged);
  const lookup = (p: DesiredPolicy, name: string | undefined): SnapshotPolicy | undefined => {
    const match = name === undefined ? undefined : live.policyByKey.get(policyKey(p.type, name));
    return match && !match.awsManaged && !claimed.has(match.id) ? match : undefined;
  };
  const claim = (p: DesiredPolicy, name: string | undefined, rank: number): void => {
    const match = claims.has(p) ? undefined : lookup(p, name);
    if (!match) return;
    claimed.add(match.id);
    claims.set(p, { live: match, rank });
  };
  for (const p of customer)
    if (p.renamedFrom && !live.policyByKey.has(policyKey(p.type, p.name))) claim(p, p.renamedFrom, 0);
  for (const p of customer) claim(p, p.name, 1);
  for (const p of customer) if (p.renamedFrom) claim(p, p.renamedFrom, 0.5);

  for (const p of desired.policies) {
    if (!p.awsManaged) continue;
    const managed = live.snapshot.policies.find((x) => x.type === p.type && x.id === p.awsManaged!.id);
    if (managed) liveByKey.set(policyKey(p.type, p.name), managed);
  }

  const updates: { rank: number; change: PolicyUpdate }[] = [];
  const creates: PolicyCreate[] = [];
  for (const p of customer) {
    const key = policyKey(p.type, p.name);
    const c = claims.get(p);
    if (!c) {
      creates.push({
        kind: 'policy-create',
        action: 'create',
        policyType: p.type,
        name: p.name,
        description: p.description,
        content: p.content,
        tags: p.tags,
        address: address.policy(p.type, p.name),
      });
      continue;
    }
    const match = c.live;
    liveByKey.set(key, match);
    const renamed = match.name !== p.name;
    const liveContent = canonicalizeJsonText(match.content);
    const content = liveContent !== p.content ? { before: liveContent, after: p.content } : undefined;
    const description =
      match.description !== p.description ? { before: match.description, after: p.description } : undefined;
    const tags = diffTags(match.tags, p.tags);
    if (renamed || content || description || tags) {
      updates.push({
        rank: renamed ? c.rank : 1,
        change: {
          kind: 'policy-update',
          action: 'update',
          policyType: p.type,
          name: match.name,
          id: match.id,
          rename: renamed ? { from: match.name, to: p.name } : undefined,
          content,
          description,
          tags,
          address: address.policy(p.type, match.name),
        },
      });
    }
  }
  const byAddress = (a: { address: string }, b: { address: string }) => a.address.localeCompare(b.address);
  for (const u of updates.sort((a, b) => a.rank - b.rank || byAddress(a.change, b.change)))
    out.add('write-policies', u.change);
  for (const c of creates.sort(byAddress)) out.add('write-policies', c);

  const deleted: SnapshotPolicy[] = [];
  for (const p of live.policyByKey.values()) {
    if (p.awsManaged || claimed.has(p.id) || !desired.policyTypes.includes(p.type)) continue;
    deleted.push(p);
    const twin = creates.find(
      (c) => c.policyType === p.type && c.content === canonicalizeJsonText(p.content),
    );
    out.add('delete-policies', {
      kind: 'policy-delete',
      action: 'delete',
      policyType: p.type,
      name: p.name,
      id: p.id,
      content: p.content,
      address: address.policy(p.type, p.name),
      hint: twin
        ? `${twin.name} has the same content; if this is a rename, set renamedFrom: '${p.name}' on it to rename in place.`
        : undefined,
    });
  }
  return { liveByKey, deleted };
}
