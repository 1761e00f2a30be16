import type { IdentityStorePort } from './ports.ts';

export type PrincipalType = 'GROUP' | 'USER';

/**
 * Name <-> id resolution against one identity store, cached both ways (misses included), so a
 * principal named in many assignment rules costs one GetGroupId / GetUserId call at most.
 */
export class IdentityLookup {
  private readonly ids = new Map<string, Promise<string | undefined>>();
  private readonly names = new Map<string, Promise<string | undefined>>();
  private readonly complete = new Set<PrincipalType>();

  constructor(
    private readonly port: IdentityStorePort,
    readonly identityStoreId: string,
  ) {}

  /** Identity-store id of a group (display name) or user (user name); `undefined` when unknown. */
  idOf(type: PrincipalType, name: string): Promise<string | undefined> {
    const key = `${type}:${name}`;
    let found = this.ids.get(key);
    if (!found && this.complete.has(type)) return Promise.resolve(undefined);
    if (!found) {
      found =
        type === 'GROUP'
          ? this.port.getGroupId(this.identityStoreId, name)
          : this.port.getUserId(this.identityStoreId, name);
      this.ids.set(key, found);
      void found.then(
        (id) => {
          if (id !== undefined && !this.names.has(`${type}:${id}`))
            this.names.set(`${type}:${id}`, Promise.resolve(name));
        },
        () => this.ids.delete(key),
      );
    }
    return found;
  }

  /** Display name (group) or user name (user) of an id; `undefined` when it no longer exists. */
  nameOf(type: PrincipalType, id: string): Promise<string | undefined> {
    const key = `${type}:${id}`;
    let found = this.names.get(key);
    if (!found) {
      const described =
        type === 'GROUP'
          ? this.port.describeGroup(this.identityStoreId, id)
          : this.port.describeUser(this.identityStoreId, id);
      found = described.then((p) => p?.name);
      this.names.set(key, found);
      void found.catch(() => this.names.delete(key));
    }
    return found;
  }

  /** Seeds both caches from a listing (ListGroups / ListUsers), which answers every lookup at once. */
  prime(type: PrincipalType, principals: readonly { readonly id: string; readonly name: string }[]): void {
    for (const p of principals) {
      this.ids.set(`${type}:${p.name}`, Promise.resolve(p.id));
      this.names.set(`${type}:${p.id}`, Promise.resolve(p.name));
    }
  }

  /** True when a listing of `type` was primed, so names absent from it are known to be missing. */
  markComplete(type: PrincipalType): void {
    this.complete.add(type);
  }

  isComplete(type: PrincipalType): boolean {
    return this.complete.has(type);
  }
}
