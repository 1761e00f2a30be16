import { matchesAny } from '@orgops/model';
import type { Snapshot, SnapshotPermissionSet, SnapshotPrincipal } from '../snapshot.ts';
import { CONTROL_TOWER_IGNORE } from './control-tower.ts';
import { type AccountTree, coverAccounts } from './group-assignments.ts';
import type { Namer } from './identifiers.ts';
import { sortBy } from './imported-organization.ts';

export interface ImportedPermissionSet {
  readonly permissionSet: SnapshotPermissionSet;
  readonly ident: string;
  /** The inline policy parsed, when there is one and it is JSON. */
  readonly inlinePolicy?: unknown;
}

export interface ImportedPrincipal {
  readonly principal: SnapshotPrincipal;
  readonly ident: string;
}

/** One `assign(principal, permissionSet, targets)` call, targets as identifiers. */
export interface ImportedAssignment {
  readonly principalIdent: string;
  readonly permissionSetIdent: string;
  readonly targets: readonly string[];
}

export interface ImportedIdentityCenter {
  readonly permissionSets: readonly ImportedPermissionSet[];
  readonly principals: readonly ImportedPrincipal[];
  readonly assignments: readonly ImportedAssignment[];
  readonly ignoredPermissionSetPatterns: readonly string[];
}

/**
 * The permission sets and assignments of a snapshot, as config entries. Assignments are grouped per (principal, permission set) and
 * their accounts covered by whole OU subtrees where possible, so the config reads like intent.
 */
export function importIdentityCenter(
  snapshot: Snapshot,
  tree: AccountTree,
  namer: Namer,
  notes: string[],
): ImportedIdentityCenter {
  const ic = snapshot.identityCenter;
  if (!ic) return { permissionSets: [], principals: [], assignments: [], ignoredPermissionSetPatterns: [] };

  const ignoredPatterns = new Set<string>();
  const permissionSets = new Map<string, ImportedPermissionSet>();
  for (const ps of sortBy(ic.permissionSets, (p) => p.name)) {
    const ctPattern = CONTROL_TOWER_IGNORE.permissionSets.find((pattern) => matchesAny(ps.name, [pattern]));
    if (ctPattern) {
      ignoredPatterns.add(ctPattern);
      notes.push(
        `Control Tower permission set ${ps.name} is owned by Control Tower: listed under ignore.permissionSets, not emitted.`,
      );
      continue;
    }
    let inlinePolicy: unknown;
    if (ps.inlinePolicy) {
      try {
        inlinePolicy = JSON.parse(ps.inlinePolicy);
      } catch {
        notes.push(
          `The inline policy of permission set ${ps.name} is not JSON; left out, so the plan will show it removed.`,
        );
      }
    }
    if (ps.outdatedIn.length) {
      notes.push(
        `Permission set ${ps.name} is outdated in ${ps.outdatedIn.length} account(s) (changed outside orgops); the first plan re-provisions it.`,
      );
    }
    const ident = namer.claim('permissionSet', [ps.name, `${ps.name} permission set`]);
    permissionSets.set(ps.arn, { permissionSet: ps, ident, inlinePolicy });
  }

  // (permission set, principal) -> account ids
  const pairs = new Map<
    string,
    { ps: ImportedPermissionSet; principal: SnapshotPrincipal; accounts: Set<string> }
  >();
  const principalById = new Map(ic.principals.map((p) => [`${p.type}:${p.id}`, p]));
  const unknownPrincipals = new Set<string>();
  const skippedByAccount = new Map<string, number>();
  for (const a of ic.assignments) {
    const ps = permissionSets.get(a.permissionSetArn);
    if (!ps) continue; // ignored (Control Tower) or unknown permission set: the planner leaves those too
    const principal = principalById.get(`${a.principalType}:${a.principalId}`);
    if (!principal) {
      unknownPrincipals.add(`${a.principalType.toLowerCase()} ${a.principalId}`);
      continue;
    }
    if (!tree.hasAccount(a.accountId)) {
      skippedByAccount.set(a.accountId, (skippedByAccount.get(a.accountId) ?? 0) + 1);
      continue;
    }
    const key = `${ps.permissionSet.name}\u0000${principal.type}\u0000${principal.name}`;
    const pair = pairs.get(key) ?? { ps, principal, accounts: new Set<string>() };
    pair.accounts.add(a.accountId);
    pairs.set(key, pair);
  }
  for (const p of [...unknownPrincipals].sort()) {
    notes.push(
      `Assignments to ${p} are left out: the snapshot has no name for that principal, so the plan will delete them.`,
    );
  }

  for (const [accountId, count] of [...skippedByAccount].sort()) {
    notes.push(`${count} assignment(s) in account ${accountId} are left out: that account is not emitted.`);
  }

  const principals = new Map<string, ImportedPrincipal>();
  const used = sortBy(
    [...pairs.values()].map((p) => p.principal),
    (p) => `${p.type}/${p.name}`,
  );
  for (const principal of used) {
    const key = `${principal.type}:${principal.name}`;
    if (principals.has(key)) continue;
    const kind = principal.type === 'GROUP' ? 'group' : 'user';
    principals.set(key, {
      principal,
      ident: namer.claim(kind, [principal.name, `${principal.name} ${kind}`]),
    });
  }
  const assignments: ImportedAssignment[] = [...pairs.keys()].sort().map((key) => {
    const { ps, principal, accounts } = pairs.get(key)!;
    return {
      principalIdent: principals.get(`${principal.type}:${principal.name}`)!.ident,
      permissionSetIdent: ps.ident,
      targets: coverAccounts(tree, accounts),
    };
  });

  return {
    permissionSets: [...permissionSets.values()],
    principals: [...principals.values()],
    assignments,
    ignoredPermissionSetPatterns: [...ignoredPatterns],
  };
}
