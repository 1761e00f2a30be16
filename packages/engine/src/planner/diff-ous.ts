import { type DesiredOu, type DesiredState, ouPathDepth } from '@orgops/model';
import { address } from '../addresses.ts';
import type { SnapshotOu } from '../snapshot.ts';
import type { PlanBuilder } from './builder.ts';
import { diffTags } from './builder.ts';
import type { LiveIndex } from './live-index.ts';

/** Result of matching config OUs to live ones, by identity. */
export interface OuMatch {
  /** Desired path -> id of the live OU it is (absent: to be created). */
  readonly liveIdByPath: ReadonlyMap<string, string>;
  /** Ids of live OUs that will be deleted. */
  readonly deleted: ReadonlySet<string>;
}

/** How a config OU found its live OU, which also decides the order of the renames. */
type Claim = { readonly live: SnapshotOu; readonly how: 'name' | 'rename' | 'rename-after-freed' };

/**
 * OUs are matched by identity, parents first: a config OU is the live OU with its name under its
 * parent's live OU. `renamedFrom` claims the live OU under the old name (renaming it in place,
 * keeping its id, attachments and accounts) and wins over a plain name match, so a rename that
 * hands the old name to a new OU (`Legacy` renamedFrom `Prod`, plus a new `Prod`) renames the old
 * one and creates the new one. Without `renamedFrom`, a delete + create pair under one parent gets
 * a hint, because replacing an OU moves nothing and loses attachments.
 *
 * Order within the phase (the applier runs it one change at a time, in this order):
 * parents before children; under one parent, renames before creates and a rename away from a name
 * before a rename or create that takes it, because AWS refuses a duplicate name among siblings
 * (DuplicateOrganizationalUnitException).
 */
export function diffOus(desired: DesiredState, live: LiveIndex, out: PlanBuilder): OuMatch {
  const liveIdByPath = new Map<string, string>([['/', live.rootId]]);
  const claimed = new Set<string>();
  const created: DesiredOu[] = [];

  const depths = [...new Set(desired.ous.map((o) => ouPathDepth(o.path)))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = desired.ous
      .filter((o) => ouPathDepth(o.path) === depth)
      .sort((a, b) => a.path.localeCompare(b.path));
    const claims = new Map<DesiredOu, Claim>();
    for (const group of groupBy(level, (o) => o.parentPath).values()) {
      const parentId = liveIdByPath.get(group[0]!.parentPath);
      if (parentId === undefined) continue; // a new parent has only new children
      const children = new Map<string, SnapshotOu>();
      for (const ou of live.ouByPath.values()) if (ou.parentId === parentId) children.set(ou.name, ou);
      const claim = (ou: DesiredOu, name: string | undefined, how: Claim['how']): void => {
        const match = name === undefined ? undefined : children.get(name);
        if (!match || claimed.has(match.id) || claims.has(ou)) return;
        claimed.add(match.id);
        claims.set(ou, { live: match, how });
      };
      // An explicit rename first, then plain names, then a rename whose new name was taken by a
      // live OU that another config OU renames away.
      for (const ou of group)
        if (ou.renamedFrom && !children.has(ou.name)) claim(ou, ou.renamedFrom, 'rename');
      for (const ou of group) claim(ou, ou.name, 'name');
      for (const ou of group) if (ou.renamedFrom) claim(ou, ou.renamedFrom, 'rename-after-freed');
    }

    const updates: { ou: DesiredOu; claim: Claim }[] = [];
    for (const ou of level) {
      const c = claims.get(ou);
      if (c) {
        liveIdByPath.set(ou.path, c.live.id);
        updates.push({ ou, claim: c });
      } else {
        created.push(ou);
      }
    }
    const rank = (c: Claim): number => (c.how === 'rename-after-freed' ? 1 : 0);
    for (const { ou, claim } of updates.sort((a, b) => rank(a.claim) - rank(b.claim))) {
      const livePath = live.pathById.get(claim.live.id)!;
      const renamed = claim.live.name !== ou.name;
      const tags = diffTags(claim.live.tags, ou.tags);
      if (!renamed && !tags) continue;
      out.add('create-ous', {
        kind: 'ou-update',
        action: 'update',
        path: livePath,
        rename: renamed ? { from: claim.live.name, to: ou.name } : undefined,
        tags,
        address: address.ou(livePath),
      });
    }
    for (const ou of level.filter((o) => !claims.has(o))) {
      out.add('create-ous', {
        kind: 'ou-create',
        action: 'create',
        path: ou.path,
        name: ou.name,
        parentPath: ou.parentPath,
        tags: ou.tags,
        address: address.ou(ou.path),
      });
    }
  }

  const deleted = new Set<string>();
  const deletions = [...live.ouByPath.entries()]
    .filter(([, ou]) => !claimed.has(ou.id))
    .sort(([a], [b]) => ouPathDepth(b) - ouPathDepth(a) || a.localeCompare(b));
  for (const [path, ou] of deletions) {
    deleted.add(ou.id);
    const twin = created.find((c) => liveIdByPath.get(c.parentPath) === ou.parentId);
    out.add('delete-ous', {
      kind: 'ou-delete',
      action: 'delete',
      path,
      id: ou.id,
      address: address.ou(path),
      hint: twin
        ? `If ${path} was renamed to ${twin.path}, set renamedFrom: '${ou.name}' on that OU to rename it in place (keeps its id, policies and accounts).`
        : undefined,
    });
  }
  return { liveIdByPath, deleted };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
