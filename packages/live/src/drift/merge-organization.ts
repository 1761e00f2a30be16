import type { Snapshot, SnapshotAccount, SnapshotOu } from '@orgops/engine';
import type { Tags } from '@orgops/model';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { AccountInfo, OrganizationsReads } from '../ports.ts';
import { toSnapshotAccount } from '../reader/read-organization.ts';
import type { Dirty } from './trail-effects.ts';

export interface MergedTree {
  readonly ous: SnapshotOu[];
  readonly accounts: SnapshotAccount[];
  /** OUs and accounts that were not in the last full read. */
  readonly newTargets: readonly string[];
  /** OUs that are gone. */
  readonly removedTargets: ReadonlySet<string>;
  /** Parents listed again, tags read again. */
  readonly relisted: number;
  readonly retagged: number;
}

interface MutableOu {
  name: string;
  parentId: string;
  tags: Tags;
}

/**
 * The OU tree and the accounts: the last full read's, with every parent an event names listed
 * again (new OUs under it walked whole, gone ones dropped), tags read again where an event names
 * the resource, and each account's name, email and state from `accounts` (ListAccounts, read
 * afresh every time). An account found under no listed parent and new, or gone from the parent it
 * had, is placed with ListParents.
 */
export async function mergeOrganizationTree(
  org: OrganizationsReads,
  baseline: Snapshot,
  accounts: readonly AccountInfo[],
  dirty: Dirty,
  calls: CallScheduler,
): Promise<MergedTree> {
  const rootId = baseline.root.id;
  const ous = new Map<string, MutableOu>(
    baseline.ous.map((o) => [o.id, { name: o.name, parentId: o.parentId, tags: { ...o.tags } }]),
  );
  const ouChildren = new Map<string, string[]>();
  const accountChildren = new Map<string, string[]>();
  for (const o of baseline.ous) push(ouChildren, o.parentId, o.id);
  for (const a of baseline.accounts) push(accountChildren, a.parentId, a.id);
  const parentOf = new Map(baseline.accounts.map((a) => [a.id, a.parentId]));
  const tags = new Map<string, Tags>(baseline.accounts.map((a) => [a.id, { ...a.tags }]));
  const fresh = new Map(accounts.map((a) => [a.id, a]));
  const newAccounts = accounts.filter((a) => !parentOf.has(a.id)).map((a) => a.id);

  const toList = new Set(dirty.parents);
  for (const id of dirty.ous) {
    const ou = ous.get(id);
    if (ou) toList.add(ou.parentId);
  }
  if (dirty.newAccounts || newAccounts.length > 0) toList.add(rootId);

  const removed = new Set<string>();
  const newOus: string[] = [];
  const listed = new Set<string>();
  const relistedAccountsOf = new Set<string>();
  const removeSubtree = (id: string): void => {
    removed.add(id);
    ous.delete(id);
    for (const child of ouChildren.get(id) ?? []) removeSubtree(child);
    ouChildren.delete(id);
  };
  const list = async (parentId: string): Promise<void> => {
    const [childOus, childAccounts] = await Promise.all([
      calls.run('organizations', 'ListOrganizationalUnitsForParent', () =>
        org.listOrganizationalUnitsForParent(parentId),
      ),
      calls.run('organizations', 'ListAccountsForParent', () => org.listAccountsForParent(parentId)),
    ]);
    listed.add(parentId);
    const now = new Set(childOus.map((o) => o.id));
    for (const id of ouChildren.get(parentId) ?? []) if (!now.has(id)) removeSubtree(id);
    ouChildren.set(
      parentId,
      childOus.map((o) => o.id),
    );
    const added: string[] = [];
    for (const o of childOus) {
      const known = ous.get(o.id);
      if (known) known.name = o.name;
      else {
        ous.set(o.id, { name: o.name, parentId, tags: {} });
        newOus.push(o.id);
        added.push(o.id);
      }
    }
    accountChildren.set(
      parentId,
      childAccounts.map((a) => a.id),
    );
    relistedAccountsOf.add(parentId);
    for (const a of childAccounts) parentOf.set(a.id, parentId);
    await Promise.all(added.map((id) => list(id)));
  };

  // Parents before children: a parent's listing says whether a child OU still exists.
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let at = id; at !== rootId; depth++) {
      const ou = ous.get(at);
      if (!ou || depth > 10) return Number.POSITIVE_INFINITY;
      at = ou.parentId;
    }
    return depth;
  };
  const byDepth = new Map<number, string[]>();
  for (const id of toList) {
    const depth = depthOf(id);
    // A parent that is not in the last full read is new: its own parent's listing walks it.
    if (Number.isFinite(depth)) push(byDepth, depth, id);
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      byDepth
        .get(depth)!
        .filter((id) => (id === rootId || ous.has(id)) && !listed.has(id))
        .map((id) => list(id)),
    );
  }

  // Accounts no listing placed: new ones outside the root, or gone from the parent they had.
  const unplaced = accounts.filter((a) => {
    const parent = parentOf.get(a.id);
    if (parent === undefined || (parent !== rootId && !ous.has(parent))) return true;
    return relistedAccountsOf.has(parent) && !(accountChildren.get(parent) ?? []).includes(a.id);
  });
  const placedLate = new Map<string, string[]>();
  await Promise.all(
    unplaced.map(async (a) => {
      const [parent] = await calls.run('organizations', 'ListParents', () => org.listParents(a.id));
      const parentId = parent?.id ?? rootId;
      parentOf.set(a.id, parentId);
      push(placedLate, parentId, a.id);
    }),
  );

  const retag = new Set<string>([...newOus, ...newAccounts]);
  for (const id of dirty.tags) if (ous.has(id) || fresh.has(id)) retag.add(id);
  await Promise.all(
    [...retag].map(async (id) => {
      const read = await calls.run('organizations', 'ListTagsForResource', () => org.listTagsForResource(id));
      const ou = ous.get(id);
      if (ou) ou.tags = { ...read };
      else tags.set(id, { ...read });
    }),
  );

  // The order a full read gives: level by level from the root, children as their parent lists them.
  const ouOrder: SnapshotOu[] = [];
  const accountOrder: SnapshotAccount[] = [];
  const seen = new Set<string>();
  for (let level = [rootId]; level.length > 0; ) {
    const next: string[] = [];
    for (const parentId of level) {
      for (const id of ouChildren.get(parentId) ?? []) {
        const ou = ous.get(id);
        if (!ou) continue;
        ouOrder.push({ id, name: ou.name, parentId, tags: ou.tags });
        next.push(id);
      }
      for (const id of [...(accountChildren.get(parentId) ?? []), ...(placedLate.get(parentId) ?? [])]) {
        const info = fresh.get(id);
        if (!info || seen.has(id) || parentOf.get(id) !== parentId) continue;
        seen.add(id);
        accountOrder.push(toSnapshotAccount(info, parentId, tags.get(id) ?? {}));
      }
    }
    level = next;
  }
  return {
    ous: ouOrder,
    accounts: accountOrder,
    newTargets: [...newOus, ...newAccounts],
    removedTargets: removed,
    relisted: listed.size,
    retagged: retag.size,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
