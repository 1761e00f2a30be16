import type { SnapshotOu } from '@orgops/engine';
import { joinOuPath, OrgopsError, ROOT_PATH } from '@orgops/model';

/**
 * The OU tree as the apply changes it, by id. Plans name OUs by path: an OU that existed when the
 * plan was made by its path then (`ou-update` names the OU it renames that way), anything else by
 * its path in config, which is its path once the OU changes before it ran. Resolving through ids
 * keeps both right when a parent and its child are renamed in one plan.
 */
export class OuTree {
  private readonly nodes = new Map<string, { name: string; parentId: string }>();
  private readonly asPlanned: ReadonlyMap<string, string>;
  private current: Map<string, string> | undefined;

  constructor(
    private readonly rootId: string,
    ous: readonly SnapshotOu[],
  ) {
    for (const ou of ous) this.nodes.set(ou.id, { name: ou.name, parentId: ou.parentId });
    this.asPlanned = this.index();
  }

  /** Id of the OU at `path` now (root: `/`). */
  idAt(path: string): string {
    this.current ??= this.index();
    return this.found(this.current.get(path), path);
  }

  /** Id of the OU that was at `path` when the plan was made. */
  idAsPlanned(path: string): string {
    return this.found(this.asPlanned.get(path), path);
  }

  add(id: string, name: string, parentId: string): void {
    this.nodes.set(id, { name, parentId });
    this.current = undefined;
  }

  rename(id: string, name: string): void {
    const node = this.nodes.get(id);
    if (node) node.name = name;
    this.current = undefined;
  }

  remove(id: string): void {
    this.nodes.delete(id);
    this.current = undefined;
  }

  private found(id: string | undefined, path: string): string {
    if (id === undefined)
      throw new OrgopsError('ou-not-found', `No OU at ${path} in the organization.`, 'internal');
    return id;
  }

  private index(): Map<string, string> {
    const pathById = new Map<string, string>([[this.rootId, ROOT_PATH]]);
    const resolve = (id: string, depth: number): string | undefined => {
      const known = pathById.get(id);
      if (known !== undefined) return known;
      const node = this.nodes.get(id);
      // A parent chain that never reaches the root (or loops) names nothing.
      if (!node || depth > this.nodes.size) return undefined;
      const parent = resolve(node.parentId, depth + 1);
      if (parent === undefined) return undefined;
      const path = joinOuPath(parent, node.name);
      pathById.set(id, path);
      return path;
    };
    const byPath = new Map<string, string>();
    for (const id of [this.rootId, ...this.nodes.keys()]) {
      const path = resolve(id, 0);
      if (path !== undefined) byPath.set(path, id);
    }
    return byPath;
  }
}
