import type { DesiredState } from '@orgops/model';
import type { SnapshotAccount } from '../snapshot.ts';
import type { PlanBuilder } from './builder.ts';
import type { AccountMatch } from './diff-accounts.ts';
import type { OuMatch } from './diff-ous.ts';
import type { PolicyMatch } from './diff-policies.ts';
import { describeAccount, isLiveAccount, type LiveIndex } from './live-index.ts';

/**
 * Deletions AWS refuses while something still depends on them, where the dependent is something
 * orgops does not change (an ignored OU or account, a closed account): the plan refuses, naming
 * it, instead of failing half way through the apply. Dependents orgops manages are planned away
 * by the other diffs (accounts moved out, policies detached, assignments deleted) and never
 * reach here.
 */
export function checkDeletions(
  desired: DesiredState,
  live: LiveIndex,
  matches: { ous: OuMatch; accounts: AccountMatch; policies: PolicyMatch },
  out: PlanBuilder,
): void {
  const managedAccount = new Set(
    [...matches.accounts.liveByEmail.values()].filter(isLiveAccount).map((a) => a.id),
  );
  const allAccounts = new Map(live.snapshot.accounts.map((a) => [a.id, a]));
  const label = (id: string): string => {
    if (id === live.rootId) return 'the root';
    const acct = allAccounts.get(id);
    if (acct) return `account ${describeAccount(acct)}${why(acct)}`;
    const path = live.pathById.get(id);
    return path ? `OU ${path}${live.isIgnoredOu(path) ? ' (ignored)' : ''}` : id;
  };
  const why = (a: SnapshotAccount): string => (live.isUnmanagedAccount(a) ? ' (ignored)' : '');

  // DeletePolicy: PolicyInUseException while any target still has it.
  const handledTargets = new Set<string>([
    live.rootId,
    ...matches.ous.liveIdByPath.values(),
    ...matches.ous.deleted, // deleting an OU detaches its policies
    ...managedAccount,
  ]);
  for (const p of matches.policies.deleted) {
    const blockers = p.targets.filter((t) => !handledTargets.has(t));
    if (!blockers.length) continue;
    out.error('policy-delete-still-attached', {
      message: `Policy ${p.name} is no longer in config, but AWS cannot delete it (PolicyInUseException): it stays attached to ${blockers.map(label).join(', ')}, which orgops does not change.`,
      path: 'policies',
      value: p.name,
      fix: `Keep ${p.name} in config (in \`policies\`) until it is detached there, or detach it there yourself and plan again.`,
    });
  }

  // DeleteOrganizationalUnit: OrganizationalUnitNotEmptyException while it holds an OU or account.
  for (const id of matches.ous.deleted) {
    const path = live.pathById.get(id)!;
    const childOus = live.snapshot.ous.filter((o) => o.parentId === id && !matches.ous.deleted.has(o.id));
    const stuck = live.snapshot.accounts.filter((a) => a.parentId === id && !managedAccount.has(a.id));
    if (!childOus.length && !stuck.length) continue;
    out.error('ou-delete-not-empty', {
      message: `OU ${path} is no longer in config, but AWS cannot delete it (OrganizationalUnitNotEmptyException): it still holds ${[...childOus.map((o) => label(o.id)), ...stuck.map((a) => label(a.id))].join(', ')}, which orgops does not move.`,
      path: 'organizationalUnits',
      value: path,
      fix: `Keep ${path} in config until it is empty, or move what it holds elsewhere (a closed account stays in the organization for 90 days) and plan again.`,
    });
  }

  // DeletePermissionSet: ConflictException while any assignment uses it.
  const wanted = new Set(desired.permissionSets.map((p) => p.name));
  const assignments = live.snapshot.identityCenter?.assignments ?? [];
  for (const ps of live.permissionSetByName.values()) {
    if (wanted.has(ps.name)) continue;
    const stuck = [
      ...new Set(
        assignments
          .filter((a) => a.permissionSetArn === ps.arn && !managedAccount.has(a.accountId))
          .map((a) =>
            allAccounts.has(a.accountId)
              ? label(a.accountId)
              : `account ${a.accountId} (no longer in the organization)`,
          ),
      ),
    ];
    if (!stuck.length) continue;
    out.error('permission-set-delete-still-assigned', {
      message: `Permission set ${ps.name} is no longer in config, but AWS cannot delete it (ConflictException) while it is assigned in ${stuck.join(', ')}, where orgops does not change assignments.`,
      path: 'permissionSets',
      value: ps.name,
      fix: `Keep ${ps.name} in config until those assignments are removed, or remove them yourself and plan again.`,
    });
  }
}
