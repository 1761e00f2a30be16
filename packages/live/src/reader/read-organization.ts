import type { SnapshotAccount, SnapshotOu } from '@orgops/engine';
import type { Tags } from '@orgops/model';
import type { CallScheduler } from '../pacing/call-scheduler.ts';
import type { AccountInfo, OrganizationsReads } from '../ports.ts';

export interface OrganizationTree {
  readonly ous: SnapshotOu[];
  readonly accounts: SnapshotAccount[];
}

/**
 * The OU tree from the root down (ListOrganizationalUnitsForParent per parent) and every account
 * with its parent (ListAccountsForParent per parent): one call per parent and page. The accounts
 * under the parents are every account of the organization, so no ListAccounts is needed, and no
 * ListParents either. Each OU's and account's tags are asked for as soon as it is found, so
 * ListTagsForResource, the slowest queue of a large read, starts at once and never waits for the
 * walk to finish.
 *
 * An account moved by someone else while the walk is under way can be seen under both parents or
 * under neither; a plan made from such a read is refused at apply, whose fresh read sees it again.
 */
export async function readOrganizationTree(
  org: OrganizationsReads,
  rootId: string,
  calls: CallScheduler,
  progress: (msg: string) => void,
): Promise<OrganizationTree> {
  const children = new Map<string, { ous: string[]; accounts: string[] }>();
  const ouInfo = new Map<string, { name: string; parentId: string; tags: Promise<Tags> }>();
  const accountInfo = new Map<string, { info: AccountInfo; parentId: string; tags: Promise<Tags> }>();
  const tagsOf = (id: string) =>
    awaitedLater(calls.run('organizations', 'ListTagsForResource', () => org.listTagsForResource(id)));

  const walk = async (parentId: string): Promise<void> => {
    const [childOus, childAccounts] = await Promise.all([
      calls.run('organizations', 'ListOrganizationalUnitsForParent', () =>
        org.listOrganizationalUnitsForParent(parentId),
      ),
      calls.run('organizations', 'ListAccountsForParent', () => org.listAccountsForParent(parentId)),
    ]);
    const listed = { ous: [] as string[], accounts: [] as string[] };
    children.set(parentId, listed);
    for (const a of childAccounts) {
      if (accountInfo.has(a.id)) continue;
      listed.accounts.push(a.id);
      accountInfo.set(a.id, { info: a, parentId, tags: tagsOf(a.id) });
    }
    for (const o of childOus) {
      listed.ous.push(o.id);
      ouInfo.set(o.id, { name: o.name, parentId, tags: tagsOf(o.id) });
    }
    await Promise.all(childOus.map((o) => walk(o.id)));
  };
  await walk(rootId);

  // Level by level from the root, each parent's children in the order AWS lists them, so the
  // result does not depend on which call happened to answer first.
  const ouOrder: string[] = [];
  const accountOrder: string[] = [];
  for (let level = [rootId]; level.length > 0; ) {
    const next: string[] = [];
    for (const parentId of level) {
      const c = children.get(parentId);
      if (!c) continue;
      ouOrder.push(...c.ous);
      accountOrder.push(...c.accounts);
      next.push(...c.ous);
    }
    level = next;
  }
  progress(`read ${ouOrder.length} OUs`);
  const ous = await Promise.all(
    ouOrder.map(async (id) => {
      const o = ouInfo.get(id)!;
      return { id, name: o.name, parentId: o.parentId, tags: { ...(await o.tags) } };
    }),
  );
  const accounts = await Promise.all(
    accountOrder.map(async (id) => {
      const { info: a, parentId, tags } = accountInfo.get(id)!;
      return toSnapshotAccount(a, parentId, await tags);
    }),
  );
  progress(`read ${accounts.length} accounts`);
  return { ous, accounts };
}

/**
 * A promise that is awaited only later (after the walk): marked handled now, so a failure is not
 * reported as an unhandled rejection in the meantime. Awaiting it still throws.
 */
export function awaitedLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

export function toSnapshotAccount(a: AccountInfo, parentId: string, tags: Tags): SnapshotAccount {
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    state: a.state,
    parentId,
    tags: { ...tags },
    ...(a.joinedMethod ? { joinedMethod: a.joinedMethod } : {}),
  };
}
