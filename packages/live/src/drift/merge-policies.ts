import type { Snapshot, SnapshotPolicy } from '@orgops/engine';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { OrganizationsReads, RootInfo } from '../ports.ts';
import { readPolicies, readPolicy } from '../reader/read-policies.ts';
import type { Dirty } from './trail-effects.ts';

export interface MergedPolicies {
  readonly policies: SnapshotPolicy[];
  /** Policies read again in part or whole. */
  readonly reread: number;
}

/**
 * The policies of `types`: a type the last full read did not read, or whose status on the root
 * changed, or that an event enabled or disabled, is read whole; a type in which an event created,
 * renamed or deleted a policy is listed again (new policies read whole); DescribePolicy,
 * ListTargetsForPolicy and ListTagsForResource again for the policies events name. New OUs and
 * accounts get their attachments from ListPoliciesForTarget (AWS attaches FullAWSAccess to them
 * without an event); gone OUs leave every target list.
 */
export async function mergePolicies(
  org: OrganizationsReads,
  baseline: Snapshot,
  baselineTypes: readonly string[],
  root: RootInfo,
  types: readonly string[],
  dirty: Dirty,
  changedTargets: { readonly added: readonly string[]; readonly removed: ReadonlySet<string> },
  calls: CallScheduler,
): Promise<MergedPolicies> {
  const statusThen = new Map(baseline.root.policyTypes.map((t) => [t.type, t.status]));
  const statusNow = new Map(root.policyTypes.map((t) => [t.type, t.status]));
  const wholeTypes = new Set(
    types.filter(
      (t) => !baselineTypes.includes(t) || dirty.typeSweeps.has(t) || statusThen.get(t) !== statusNow.get(t),
    ),
  );
  const baselineById = new Map(baseline.policies.map((p) => [p.id, p]));
  const listTypes = new Set<string>(dirty.policyTypes);
  for (const id of dirty.deletedPolicies) {
    const type = baselineById.get(id)?.type;
    if (type) listTypes.add(type);
  }
  for (const t of [...listTypes]) if (wholeTypes.has(t) || !types.includes(t)) listTypes.delete(t);

  const byType = new Map<string, SnapshotPolicy[]>();
  const fresh = new Set<string>();
  let reread = 0;
  await Promise.all([
    ...[...wholeTypes].map(async (type) => {
      const read = await readPolicies(org, [type], calls);
      byType.set(type, read);
      for (const p of read) fresh.add(p.id);
      reread += read.length;
    }),
    ...[...listTypes].map(async (type) => {
      const summaries = await calls.run('organizations', 'ListPolicies', () => org.listPolicies(type));
      const list = await Promise.all(
        summaries.map(async (summary) => {
          const known = baselineById.get(summary.id);
          if (known)
            return {
              ...known,
              name: summary.name,
              description: summary.description,
              awsManaged: summary.awsManaged,
            };
          reread += 1;
          fresh.add(summary.id);
          return readPolicy(org, summary, calls);
        }),
      );
      byType.set(type, list);
    }),
  ]);
  for (const type of types) {
    if (!byType.has(type))
      byType.set(
        type,
        baseline.policies.filter((p) => p.type === type),
      );
  }

  const current = new Map<string, SnapshotPolicy>();
  for (const list of byType.values()) for (const p of list) current.set(p.id, p);
  const touched = new Set<string>();
  const update = (id: string, change: (p: SnapshotPolicy) => SnapshotPolicy) => {
    const p = current.get(id);
    if (p) current.set(id, change(p));
  };
  const live = (id: string) => current.has(id) && !fresh.has(id);
  await Promise.all([
    ...[...dirty.policyDetails].filter(live).map(async (id) => {
      touched.add(id);
      const d = await calls.run('organizations', 'DescribePolicy', () => org.describePolicy(id));
      update(id, (p) => ({
        ...p,
        name: d.name,
        description: d.description,
        ...(p.awsManaged ? {} : { content: d.content }),
      }));
    }),
    ...[...dirty.policyTargets].filter(live).map(async (id) => {
      touched.add(id);
      const targets = await calls.run('organizations', 'ListTargetsForPolicy', () =>
        org.listTargetsForPolicy(id),
      );
      fresh.add(id);
      update(id, (p) => ({ ...p, targets: targets.map((t) => t.targetId) }));
    }),
    ...[...dirty.tags]
      .filter((id) => live(id) && !current.get(id)!.awsManaged)
      .map(async (id) => {
        touched.add(id);
        const tags = await calls.run('organizations', 'ListTagsForResource', () =>
          org.listTagsForResource(id),
        );
        update(id, (p) => ({ ...p, tags: { ...tags } }));
      }),
  ]);

  // Attachments of new targets, and none to targets that are gone.
  const enabled = types.filter((t) => statusNow.get(t) === 'ENABLED' && !wholeTypes.has(t));
  const attached = await Promise.all(
    changedTargets.added.flatMap((targetId) =>
      enabled.map(async (type) => ({
        targetId,
        policies: await calls.run('organizations', 'ListPoliciesForTarget', () =>
          org.listPoliciesForTarget(targetId, type),
        ),
      })),
    ),
  );
  for (const { targetId, policies } of attached)
    for (const summary of policies)
      if (!fresh.has(summary.id))
        update(summary.id, (p) =>
          p.targets.includes(targetId) ? p : { ...p, targets: [...p.targets, targetId] },
        );
  if (changedTargets.removed.size > 0)
    for (const [id, p] of current)
      if (p.targets.some((t) => changedTargets.removed.has(t)))
        current.set(id, { ...p, targets: p.targets.filter((t) => !changedTargets.removed.has(t)) });

  const policies = types.flatMap((type) => (byType.get(type) ?? []).map((p) => current.get(p.id)!));
  return { policies, reread: reread + touched.size };
}
