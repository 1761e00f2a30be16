import type { DesiredAccount, DesiredState } from '@orgops/model';
import type { SnapshotAccount } from '../snapshot.ts';
import type { PlanBuilder } from './builder.ts';
import type { LiveIndex } from './live-index.ts';

/**
 * Binds config accounts to live ones: by id when config gives one, the management account by
 * role, otherwise by email. Every binding must be unambiguous and truthful, or the plan refuses:
 * an id whose live email is not the config's (the root email was changed outside orgops), one live
 * account claimed by two config entries, or a governed account that now sits where `ignore`
 * hides it. Returns the live account per config email (absent: not in the organization) and the
 * config emails that were refused, which nothing else must plan for.
 */
export function matchAccounts(
  desired: DesiredState,
  live: LiveIndex,
  out: PlanBuilder,
): { matches: Map<string, SnapshotAccount>; refused: Set<string> } {
  const managementId = live.snapshot.organization.managementAccountId;
  const bound = new Map<string, DesiredAccount>();
  const matches = new Map<string, SnapshotAccount>();
  const refused = new Set<string>();
  for (const a of desired.accounts) {
    const path = `accounts[${a.name}]`;
    const match = findManaged(a, live, managementId);
    if (!match) {
      if (reportHidden(a, live, out)) refused.add(a.email);
      continue;
    }
    const twin = bound.get(match.id);
    if (twin) {
      out.error('account-matched-twice', {
        message: `Config accounts ${twin.name} (${twin.email}) and ${a.name} (${a.email}) both match live account ${match.name} (${match.id}, ${match.email}); each apply would undo the other.`,
        path,
        value: a.email,
        site: a.site,
        fix: `Keep one entry for account ${match.id}: the one with its current root email ${match.email}.`,
      });
      refused.add(a.email);
      continue;
    }
    bound.set(match.id, a);
    if (match.email.toLowerCase() !== a.email) {
      out.error('account-email-differs', {
        message: `Account ${a.name} (${match.id}) has root email ${match.email} in AWS, but config says ${a.email}: the email was changed outside orgops, and whoever holds ${match.email} can reset the root password.`,
        path: `${path}.email`,
        value: a.email,
        site: a.site,
        fix: `If the change is legitimate, set email: '${match.email.toLowerCase()}' in config. If not, secure the account now: change the root email back in the account's settings (account:StartPrimaryEmailUpdate) and review its root user; orgops cannot change a root email.`,
      });
      refused.add(a.email);
      continue;
    }
    matches.set(a.email, match);
  }
  return { matches, refused };
}

function findManaged(a: DesiredAccount, live: LiveIndex, managementId: string): SnapshotAccount | undefined {
  if (a.management)
    return live.accountById.get(managementId) ?? live.snapshot.accounts.find((x) => x.id === managementId);
  if (a.id) return live.accountById.get(a.id);
  return live.accountByEmail.get(a.email);
}

/** A config account that exists but is hidden by `ignore`: say where it went instead of creating it again. */
function reportHidden(a: DesiredAccount, live: LiveIndex, out: PlanBuilder): boolean {
  const hidden = live.snapshot.accounts.find((x) =>
    a.id ? x.id === a.id : x.email.toLowerCase() === a.email,
  );
  if (!hidden) return false;
  const where = live.parentPathOf(hidden);
  if (live.isIgnoredOu(where)) {
    out.error('account-in-ignored-ou', {
      message: `Account ${a.name} (${hidden.id}) belongs in ${a.parentPath} but is in ${where}, which ignore.organizationalUnits covers: a governed account left its guardrails (it was moved outside orgops), and orgops can no longer see or change it.`,
      path: `accounts[${a.name}].parent`,
      value: where,
      site: a.site,
      fix: `Move it back to ${a.parentPath} in the console (then plan again), or, if it now belongs to whoever owns ${where}, remove it from config.`,
    });
  } else {
    out.error('account-ignored', {
      message: `Account ${a.name} (${hidden.id}, ${hidden.email}) is in config but matches ignore.accounts, so orgops would never change it.`,
      path: `accounts[${a.name}]`,
      value: hidden.email,
      site: a.site,
      fix: 'Remove it from config or narrow the ignore.accounts pattern that matches it.',
    });
  }
  return true;
}
