import type { SnapshotAccount, SnapshotOu } from '@orgops/engine';
import type { Limiter } from '../concurrency.ts';
import type { AccountInfo, OrganizationsPort } from '../ports.ts';

export interface OrganizationTree {
  readonly ous: SnapshotOu[];
  readonly accounts: SnapshotAccount[];
}

/**
 * The OU tree from the root down (ListOrganizationalUnitsForParent, level by level) and each
 * account's parent from ListAccountsForParent per parent: one call per parent and page, instead of
 * a ListParents per account. ListAccounts supplies the full list, so an account that moved during
 * the walk is still found (its parent then comes from ListParents).
 */
export async function readOrganizationTree(
  org: OrganizationsPort,
  rootId: string,
  run: Limiter,
  progress: (msg: string) => void,
): Promise<OrganizationTree> {
  const allAccounts = run.run(() => org.listAccounts());
  const ous: { id: string; name: string; parentId: string }[] = [];
  const parentOf = new Map<string, string>();
  let level = [rootId];
  while (level.length > 0) {
    const children = await Promise.all(
      level.map(async (parentId) => {
        const [childOus, childAccounts] = await Promise.all([
          run.run(() => org.listOrganizationalUnitsForParent(parentId)),
          run.run(() => org.listAccountsForParent(parentId)),
        ]);
        for (const a of childAccounts) parentOf.set(a.id, parentId);
        return childOus.map((o) => ({ id: o.id, name: o.name, parentId }));
      }),
    );
    const next = children.flat();
    ous.push(...next);
    level = next.map((o) => o.id);
  }
  progress(`read ${ous.length} OUs`);

  const accounts: AccountInfo[] = [...(await allAccounts)];
  const [ouTags, accountEntries] = await Promise.all([
    Promise.all(ous.map((o) => run.run(() => org.listTagsForResource(o.id)))),
    Promise.all(
      accounts.map(async (a) => {
        const [tags, parentId] = await Promise.all([
          run.run(() => org.listTagsForResource(a.id)),
          parentOf.get(a.id) ?? run.run(async () => (await org.listParents(a.id))[0]?.id ?? rootId),
        ]);
        return { a, tags, parentId };
      }),
    ),
  ]);
  progress(`read ${accounts.length} accounts`);

  return {
    ous: ous.map((o, i) => ({ ...o, tags: { ...ouTags[i] } })),
    accounts: accountEntries.map(({ a, tags, parentId }) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      state: a.state,
      parentId,
      tags: { ...tags },
      ...(a.joinedMethod ? { joinedMethod: a.joinedMethod } : {}),
    })),
  };
}
