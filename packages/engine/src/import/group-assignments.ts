/** The emitted OU tree with its accounts, by id, for turning account sets into assignment targets. */
export interface AccountTree {
  readonly rootId: string;
  /** Child OU ids of an OU (or the root), in declaration order. */
  childrenOf(id: string): readonly string[];
  /** Emitted accounts directly under an OU (or the root), in declaration order. */
  accountsIn(id: string): readonly string[];
  hasAccount(id: string): boolean;
  /** Identifier of an OU, the root or an account. */
  identOf(id: string): string;
}

export function accountTree(
  rootId: string,
  ous: readonly { readonly id: string; readonly parentId: string }[],
  accounts: readonly { readonly id: string; readonly parentId: string }[],
  identById: ReadonlyMap<string, string>,
): AccountTree {
  const children = new Map<string, string[]>();
  for (const ou of ous) children.set(ou.parentId, [...(children.get(ou.parentId) ?? []), ou.id]);
  const direct = new Map<string, string[]>();
  for (const a of accounts) direct.set(a.parentId, [...(direct.get(a.parentId) ?? []), a.id]);
  const ids = new Set(accounts.map((a) => a.id));
  return {
    rootId,
    childrenOf: (id) => children.get(id) ?? [],
    accountsIn: (id) => direct.get(id) ?? [],
    hasAccount: (id) => ids.has(id),
    identOf: (id) => {
      const ident = identById.get(id);
      if (ident === undefined) throw new Error(`No identifier for ${id}`);
      return ident;
    },
  };
}

/**
 * Covers exactly `accounts` with the fewest, highest targets: an OU (or the root) whose whole,
 * non-empty subtree is in the set stands for its accounts; the rest are listed one by one. An OU
 * target also covers accounts added to it later, which is what a subtree-wide grant usually means.
 */
export function coverAccounts(tree: AccountTree, accounts: ReadonlySet<string>): string[] {
  const subtree = new Map<string, string[]>();
  const accountsUnder = (id: string): string[] => {
    let all = subtree.get(id);
    if (!all) {
      all = [...tree.accountsIn(id), ...tree.childrenOf(id).flatMap(accountsUnder)];
      subtree.set(id, all);
    }
    return all;
  };
  const targets: string[] = [];
  const visit = (id: string): void => {
    const under = accountsUnder(id);
    if (under.length > 0 && under.every((a) => accounts.has(a))) {
      targets.push(tree.identOf(id));
      return;
    }
    for (const a of tree.accountsIn(id)) if (accounts.has(a)) targets.push(tree.identOf(a));
    for (const child of tree.childrenOf(id)) visit(child);
  };
  visit(tree.rootId);
  return targets;
}
