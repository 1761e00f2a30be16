import type { DesiredState } from '@orgops/model';
import { address, joinPath } from '../addresses.ts';
import type { PlanBuilder } from './builder.ts';
import { diffTags } from './builder.ts';
import type { LiveIndex } from './context.ts';

/** Result of matching config OUs to live ones: desired path -> live OU id (absent: to be created). */
export interface OuMatch {
  readonly liveIdByPath: ReadonlyMap<string, string>;
  /** Live OU paths that will be deleted. */
  readonly deleted: ReadonlySet<string>;
}

/**
 * OUs are matched by path, parents first. `renamedFrom` matches a live OU under the old name and
 * renames it in place (keeping its id, attachments and accounts); without it, a delete + create
 * pair under one parent gets a hint, because replacing an OU moves nothing and loses attachments.
 */
export function diffOus(desired: DesiredState, live: LiveIndex, out: PlanBuilder): OuMatch {
  const liveIdByPath = new Map<string, string>([['/', live.rootId]]);
  const claimed = new Set<string>();
  const created: { path: string; parentPath: string; name: string }[] = [];
  const byDepth = [...desired.ous].sort(
    (a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path),
  );

  for (const ou of byDepth) {
    const parentId = liveIdByPath.get(ou.parentPath);
    const parentLivePath = parentId ? live.pathById.get(parentId) : undefined;
    const current =
      parentLivePath !== undefined ? live.ouByPath.get(joinPath(parentLivePath, ou.name)) : undefined;
    const renamed =
      !current && ou.renamedFrom && parentLivePath !== undefined
        ? live.ouByPath.get(joinPath(parentLivePath, ou.renamedFrom))
        : undefined;
    const match = current ?? renamed;
    if (!match || claimed.has(match.id)) {
      created.push(ou);
      out.add('create-ous', {
        kind: 'ou-create',
        action: 'create',
        path: ou.path,
        name: ou.name,
        parentPath: ou.parentPath,
        tags: ou.tags,
        address: address.ou(ou.path),
      });
      continue;
    }
    claimed.add(match.id);
    liveIdByPath.set(ou.path, match.id);
    const livePath = live.pathById.get(match.id)!;
    const tags = diffTags(match.tags, ou.tags);
    if (renamed || tags) {
      out.add('create-ous', {
        kind: 'ou-update',
        action: 'update',
        path: livePath,
        rename: renamed ? { from: renamed.name, to: ou.name } : undefined,
        tags,
        address: address.ou(livePath),
      });
    }
  }

  const deleted = new Set<string>();
  const deletions = [...live.ouByPath.entries()]
    .filter(([, ou]) => !claimed.has(ou.id))
    .sort(([a], [b]) => depth(b) - depth(a) || a.localeCompare(b));
  for (const [path, ou] of deletions) {
    deleted.add(path);
    const parentPath = path.slice(0, path.lastIndexOf('/')) || '/';
    const twin = created.find((c) => c.parentPath === parentPath);
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

function depth(path: string): number {
  return path === '/' ? 0 : path.split('/').length - 1;
}
