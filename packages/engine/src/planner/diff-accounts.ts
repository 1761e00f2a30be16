import { type DesiredState, LIMITS, LIMITS_VERSION } from '@orgops/model';
import { address } from '../addresses.ts';
import type { AccountRef } from '../change.ts';
import type { SnapshotAccount } from '../snapshot.ts';
import { diffTags, type PlanBuilder } from './builder.ts';
import type { OuMatch } from './diff-ous.ts';
import { isLiveAccount, type LiveIndex } from './live-index.ts';
import { matchAccounts } from './match-accounts.ts';
import { QuarantineHolds } from './quarantine-holds.ts';

/** How config accounts map onto live ones. */
export interface AccountMatch {
  /** Desired email -> the live account it matched (by id when given, else email). */
  readonly liveByEmail: ReadonlyMap<string, SnapshotAccount>;
  /** The one-way door's decisions: held accounts stay in quarantine and get no new access. */
  readonly holds: QuarantineHolds;
  refOf(email: string): AccountRef | undefined;
}

/**
 * Accounts are matched by id when config gives one, otherwise by email (see `match-accounts.ts`).
 * Placement compares OU identity, never path text: an account is where config wants it when its
 * parent is the live OU that config's parent matched, whatever either is called now. An account
 * that exists but is missing from config is an error, never a closure: closing takes
 * `close: { reason }`, and an account being closed is first moved and tagged as config says.
 * An account in the quarantine OU goes through the one-way door (`quarantine-holds.ts`): it stays
 * there, keeping its quarantine tags, until config releases it.
 */
export function diffAccounts(
  desired: DesiredState,
  live: LiveIndex,
  ous: OuMatch,
  out: PlanBuilder,
): AccountMatch {
  const { matches: liveByEmail, refused } = matchAccounts(desired, live, out);
  const desiredByEmail = new Map(desired.accounts.map((a) => [a.email, a]));
  const managementId = live.snapshot.organization.managementAccountId;
  const desiredPathById = new Map([...ous.liveIdByPath].map(([path, id]) => [id, path]));
  const holds = new QuarantineHolds(desired, live, ous);
  const moved = new Set<string>();

  for (const a of desired.accounts) {
    const match = liveByEmail.get(a.email);
    const path = `accounts[${a.name}]`;
    if (refused.has(a.email)) continue;
    if (a.id && !match) {
      out.error('account-id-not-found', {
        message: `Account ${a.name} has id ${a.id}, but no account with that id is in the organization.`,
        path: `${path}.id`,
        value: a.id,
        site: a.site,
        fix: 'Check the id, or remove `id` to have orgops create the account.',
      });
      continue;
    }
    if (a.management && !match) {
      out.error('management-account-not-found', {
        message: 'The management account could not be read from the organization.',
        path,
        site: a.site,
        fix: 'Run orgops with credentials of the management account.',
      });
      continue;
    }
    if (!match) {
      const door = holds.decide(a, undefined);
      if (a.close) continue; // asked to close an account that does not exist: nothing to do
      out.add('create-accounts', {
        kind: 'account-create',
        action: 'create',
        email: a.email,
        name: a.name,
        parentPath: holds.parentPathOf(a, door),
        tags: holds.tagsOf(a, door, undefined),
        address: address.account(a.email),
      });
      continue;
    }
    // A closed account stays in the organization for 90 days (until it is CLOSED for good), and
    // AWS still moves and tags it there, e.g. into a quarantine OU: config marked for closure is
    // held to its placement and tags like any other.
    const closedButPresent = a.close !== undefined && match.state !== 'CLOSED';
    if (!isLiveAccount(match) && !closedButPresent) {
      if (!a.close) {
        out.warn('account-not-active', {
          message: `Account ${a.name} (${match.id}) is ${match.state}; orgops will not change it.`,
          path,
          site: a.site,
          fix: `Mark it close: { reason } to record the closure, or remove it from config once AWS has closed it.`,
        });
      }
      continue;
    }
    const ref: AccountRef = { email: a.email, id: match.id, name: a.name };
    const door = holds.decide(a, match);
    const parentPath = holds.parentPathOf(a, door);
    if (ous.liveIdByPath.get(parentPath) !== match.parentId) {
      const fromPath = live.parentPathOf(match);
      const renamedTo = desiredPathById.get(match.parentId);
      const quarantine = holds.moveMarker(door);
      moved.add(a.email);
      out.add('place-accounts', {
        kind: 'account-move',
        action: 'move',
        account: ref,
        fromPath,
        toPath: parentPath,
        address: address.account(a.email),
        ...(quarantine ? { quarantine } : {}),
        // Paths are as they are now; say so when this plan renames or deletes the OU it leaves.
        ...(renamedTo !== undefined && renamedTo !== fromPath
          ? { reason: `${fromPath} is renamed to ${renamedTo} in this plan` }
          : ous.deleted.has(match.parentId)
            ? { reason: `${fromPath} is deleted in this plan` }
            : {}),
      });
    }
    const tags = diffTags(match.tags, holds.tagsOf(a, door, match));
    if (tags) {
      out.add('place-accounts', {
        kind: 'account-tag',
        action: 'tag',
        account: ref,
        tags,
        address: address.account(a.email),
      });
    }
    if (match.name !== a.name) {
      out.warn('account-name-differs', {
        message: `Account ${match.id} is named '${match.name}' in AWS but '${a.name}' in config; Organizations cannot rename accounts.`,
        path: `${path}.name`,
        value: a.name,
        site: a.site,
        fix: `Rename it in the account's own settings (account:PutAccountName), or set name: '${match.name}'.`,
      });
    }
    // Closed last (its own phase), after the move and tags above: AWS keeps a closed account in
    // place for 90 days, and orgops no longer changes it once it is closing.
    if (a.close && match.id !== managementId && isLiveAccount(match)) {
      out.add('close-accounts', {
        kind: 'account-close',
        action: 'close',
        account: ref,
        closeReason: a.close.reason,
        address: address.account(a.email),
      });
    }
  }

  const closures = desired.accounts.filter(
    (a) => a.close && liveByEmail.get(a.email) && isLiveAccount(liveByEmail.get(a.email)!),
  );
  const members = live.snapshot.accounts.filter((a) => a.id !== managementId && a.state !== 'CLOSED').length;
  const quota = LIMITS.organizations.closeAccountQuota(members);
  if (closures.length > quota) {
    out.error('account-closure-quota', {
      message: `The config closes ${closures.length} accounts; AWS allows ${quota} closures per rolling 30 days for an organization of ${members} member accounts (limits ${LIMITS_VERSION}).`,
      path: 'accounts',
      value: closures.map((a) => a.name),
      fix: `Mark at most ${quota} accounts with close: { reason } now, and the rest after 30 days.`,
    });
  }

  const matchedIds = new Set([...liveByEmail.values()].map((a) => a.id));
  for (const acct of live.accountById.values()) {
    if (matchedIds.has(acct.id) || !isLiveAccount(acct)) continue;
    if (acct.id === managementId && !desired.accounts.some((a) => a.management)) continue;
    if (
      desired.accounts.some(
        (a) => refused.has(a.email) && (a.id === acct.id || a.email === acct.email.toLowerCase()),
      )
    )
      continue; // already reported with the config entry that claims it
    // A config account by the same name that is nowhere to be found: most likely this one, with
    // its root email changed outside orgops.
    const twin = desired.accounts.find((a) => a.name === acct.name && !liveByEmail.has(a.email));
    const changedEmail = twin
      ? ` Config has an account named ${twin.name} with root email ${twin.email}, which is not in the organization: if it is this one, its root email was changed outside orgops.`
      : '';
    out.error('account-not-in-config', {
      message: `Account ${acct.name} (${acct.id}, ${acct.email}) is in the organization but not in config. Removing an account from config never closes it.${changedEmail}`,
      path: 'accounts',
      value: acct.email,
      fix: `Add it back with account({ name: '${acct.name}', email: '${acct.email}', id: '${acct.id}', parent }), list it under ignore.accounts, or keep it in config with close: { reason } to close it.`,
    });
  }

  holds.report(out, (email) => moved.has(email));

  return {
    liveByEmail,
    holds,
    refOf: (email) => {
      const d = desiredByEmail.get(email);
      if (!d) return undefined;
      return { email, name: d.name, id: liveByEmail.get(email)?.id };
    },
  };
}
