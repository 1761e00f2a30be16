import type { QuarantineFacts } from '@orgops/engine';
import { closest, type DesiredQuarantine, OrgopsError, ouPathNames } from '@orgops/model';
import type { AccountInfo, Backend } from '../ports.ts';

/** How the command names an account: its id, root email or name. */
export type AccountQuery = string;

/**
 * Reads what `orgops quarantine` needs and nothing more: the organization and root, the account
 * list (to find the account by id, email or name), the account's parent and tags, the quarantine
 * OU by walking its path from the root, and the guardrails' attachments there. About a dozen calls
 * whatever the size of the organization (ListAccounts pages aside), instead of a full snapshot.
 */
export async function readQuarantineFacts(
  backend: Backend,
  quarantine: DesiredQuarantine,
  query: AccountQuery,
  caller: string,
): Promise<QuarantineFacts> {
  const org = backend.organizations;
  const [organization, roots, accounts] = await Promise.all([
    org.describeOrganization(),
    org.listRoots(),
    org.listAccounts(),
  ]);
  const root = roots[0];
  if (!root)
    throw new OrgopsError('organization-no-root', `Organization ${organization.id} has no root.`, 'internal');
  const account = findAccount(accounts, query);
  const [parents, tags, ouId] = await Promise.all([
    org.listParents(account.id),
    org.listTagsForResource(account.id),
    findOu(backend, root.id, quarantine.path),
  ]);
  const parentId = parents[0]?.id ?? root.id;

  const types = [...new Set(quarantine.guardrails.map((g) => g.type))];
  const attachedByType = new Map<string, readonly { readonly id: string; readonly name: string }[]>();
  if (ouId !== undefined) {
    const lists = await Promise.all(types.map((t) => org.listPoliciesForTarget(ouId, t)));
    for (const [i, t] of types.entries()) attachedByType.set(t, lists[i] ?? []);
  }
  // Policies are looked up by name only for guardrails that are not attached yet.
  const missingTypes = types.filter((t) =>
    quarantine.guardrails.some((g) => g.type === t && !attachedByType.get(t)?.some((p) => p.name === g.name)),
  );
  const listed = new Map(
    await Promise.all(missingTypes.map(async (t) => [t, await org.listPolicies(t)] as const)),
  );
  return {
    organizationId: organization.id,
    managementAccountId: organization.managementAccountId,
    enabledPolicyTypes: root.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type),
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      state: account.state,
      parentId,
      tags,
    },
    quarantineOu: { path: quarantine.path, ...(ouId !== undefined ? { id: ouId } : {}) },
    guardrails: quarantine.guardrails.map((g) => {
      const attached = attachedByType.get(g.type)?.find((p) => p.name === g.name);
      const id = attached?.id ?? listed.get(g.type)?.find((p) => p.name === g.name)?.id;
      return {
        type: g.type,
        name: g.name,
        ...(id !== undefined ? { id } : {}),
        attached: attached !== undefined,
      };
    }),
    attachedCounts: Object.fromEntries([...attachedByType].map(([t, list]) => [t, list.length])),
    caller,
  };
}

/** An account by id, by root email (any case), or by name when exactly one account has it. */
export function findAccount(accounts: readonly AccountInfo[], query: AccountQuery): AccountInfo {
  const q = query.trim();
  const byId = accounts.find((a) => a.id === q);
  if (byId) return byId;
  const byEmail = accounts.find((a) => a.email.toLowerCase() === q.toLowerCase());
  if (byEmail) return byEmail;
  const byName = accounts.filter((a) => a.name === q);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new OrgopsError(
      'quarantine-account-ambiguous',
      `${byName.length} accounts are named ${JSON.stringify(q)} (${byName.map((a) => `${a.id} ${a.email}`).join(', ')}). Name the account by its id or root email.`,
    );
  }
  // A misspelt name (edit distance 2 at most) or a part of one, in the organization's order.
  const guess = closest(
    q,
    accounts.map((a) => a.name),
  );
  const near = accounts
    .filter((a) => a.name === guess || a.name.toLowerCase().includes(q.toLowerCase()))
    .slice(0, 5);
  throw new OrgopsError(
    'quarantine-account-not-found',
    `No account in the organization has the id, root email or name ${JSON.stringify(q)}.${near.length ? ` Similar names: ${near.map((a) => `${a.name} (${a.id})`).join(', ')}.` : ''}`,
  );
}

/** The id of the OU at `path`, walking from the root one level per call; undefined when absent. */
async function findOu(backend: Backend, rootId: string, path: string): Promise<string | undefined> {
  let parent = rootId;
  for (const name of ouPathNames(path)) {
    const children = await backend.organizations.listOrganizationalUnitsForParent(parent);
    const next = children.find((ou) => ou.name === name);
    if (!next) return undefined;
    parent = next.id;
  }
  return parent;
}
