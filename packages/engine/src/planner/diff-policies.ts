import { canonicalizeJsonText, type DesiredState } from '@orgops/model';
import { address } from '../addresses.ts';
import type { SnapshotPolicy } from '../snapshot.ts';
import { diffTags, type PlanBuilder } from './builder.ts';
import { type LiveIndex, policyKey } from './context.ts';

/** Desired policy key -> live policy (absent: to be created); plus the live policies to delete. */
export interface PolicyMatch {
  readonly liveByKey: ReadonlyMap<string, SnapshotPolicy>;
  readonly deleted: readonly SnapshotPolicy[];
}

/**
 * Policies are matched by type + name; contents compare as canonical JSON so key order and
 * whitespace never show up as drift. AWS-managed policies are referenced, never written.
 */
export function diffPolicies(desired: DesiredState, live: LiveIndex, out: PlanBuilder): PolicyMatch {
  const liveByKey = new Map<string, SnapshotPolicy>();
  const claimed = new Set<string>();
  const created: { type: string; name: string; content: string }[] = [];

  for (const p of desired.policies) {
    const key = policyKey(p.type, p.name);
    if (p.awsManaged) {
      const managed = live.snapshot.policies.find((x) => x.type === p.type && x.id === p.awsManaged!.id);
      if (managed) liveByKey.set(key, managed);
      continue;
    }
    const current = live.policyByKey.get(key);
    const renamed =
      !current && p.renamedFrom ? live.policyByKey.get(policyKey(p.type, p.renamedFrom)) : undefined;
    const match = current ?? renamed;
    if (!match || match.awsManaged) {
      created.push(p);
      out.add('write-policies', {
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
    claimed.add(match.id);
    liveByKey.set(key, match);
    const liveContent = canonicalizeJsonText(match.content);
    const content = liveContent !== p.content ? { before: liveContent, after: p.content } : undefined;
    const description =
      match.description !== p.description ? { before: match.description, after: p.description } : undefined;
    const tags = diffTags(match.tags, p.tags);
    if (renamed || content || description || tags) {
      out.add('write-policies', {
        kind: 'policy-update',
        action: 'update',
        policyType: p.type,
        name: match.name,
        id: match.id,
        rename: renamed ? { from: renamed.name, to: p.name } : undefined,
        content,
        description,
        tags,
        address: address.policy(p.type, match.name),
      });
    }
  }

  const deleted: SnapshotPolicy[] = [];
  for (const p of live.policyByKey.values()) {
    if (p.awsManaged || claimed.has(p.id) || !desired.policyTypes.includes(p.type)) continue;
    deleted.push(p);
    const twin = created.find((c) => c.type === p.type && c.content === canonicalizeJsonText(p.content));
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
