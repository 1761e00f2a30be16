import {
  type DesiredAccount,
  doorParentPath,
  doorTags,
  type QuarantineDoor,
  quarantineDoor,
} from '@orgops/model';
import type { SnapshotAccount } from '../snapshot.ts';
import {
  accountLabel,
  isActive,
  type OracleContext,
  parentOfLive,
  sameTags,
  segmentsOfDesired,
  showTags,
} from './oracle-context.ts';
import { sameSegments, showSegments } from './segments.ts';

/** Config accounts and the live accounts they stand for. */
export interface AccountBinding {
  /** The live account of a config account, by its (lower-cased) config email. */
  liveOf(email: string): SnapshotAccount | undefined;
  /** The config account a live account stands for. */
  desiredOf(liveId: string): DesiredAccount | undefined;
  /** Held in quarantine or entering it: no new access is expected there (the one-way door). */
  contained(email: string): boolean;
}

const CLOSING_STATES = new Set(['PENDING_CLOSURE', 'SUSPENDED', 'CLOSED']);

/**
 * Each config account is found (the management account by role, others by id when config gives
 * one, else by email in any letter case) and is where config puts it, with config's tags, its
 * email, and closed or closing exactly when config says `close`. A live account config does not
 * list must be ignored, or already closed. Names are not compared: Organizations cannot rename an
 * account, so the planner warns about a name and changes nothing. Placement and tags go through
 * the one-way door (`quarantineDoor` in the model, the one rule the planner uses too): an account
 * held in the quarantine OU belongs there with its quarantine tags, whatever its declared parent.
 */
export function checkAccounts(ctx: OracleContext): AccountBinding {
  const managementId = ctx.snapshot.organization.managementAccountId;
  const liveByEmail = new Map<string, SnapshotAccount>();
  for (const a of ctx.snapshot.accounts) liveByEmail.set(a.email.toLowerCase(), a);
  const byEmail = new Map<string, SnapshotAccount>();
  const desiredById = new Map<string, DesiredAccount>();
  const doors = new Map<string, QuarantineDoor>();
  const quarantine = ctx.desired.quarantine;
  const quarantineSegments = quarantine ? segmentsOfDesired(ctx, quarantine.path) : undefined;

  for (const a of ctx.desired.accounts) {
    const email = a.email.toLowerCase();
    const live = a.management
      ? ctx.snapshot.accounts.find((x) => x.id === managementId)
      : a.id !== undefined
        ? ctx.snapshot.accounts.find((x) => x.id === a.id)
        : liveByEmail.get(email);
    const where = accountLabel(a);
    const declared = segmentsOfDesired(ctx, a.parentPath);
    const door: QuarantineDoor =
      quarantine && quarantineSegments
        ? quarantineDoor({
            management: a.management,
            inQuarantineOu: live !== undefined && sameSegments(parentOfLive(ctx, live), quarantineSegments),
            declaredInQuarantineOu: sameSegments(declared, quarantineSegments),
            liveTags: live?.tags ?? {},
            quarantine: a.quarantine,
            release: a.release,
          })
        : { kind: 'free' };
    doors.set(email, door);
    const parent = quarantine
      ? segmentsOfDesired(ctx, doorParentPath(door, a.parentPath, quarantine.path))
      : declared;
    if (!live) {
      // Closing an account that does not exist leaves nothing to do.
      if (!a.close) ctx.report('account-missing', where, `an account in ${showSegments(parent)}`, 'none');
      continue;
    }
    byEmail.set(email, live);
    const other = desiredById.get(live.id);
    if (other) {
      ctx.report(
        'account-bound-twice',
        accountLabel(live),
        `one config account`,
        `both <${other.email}> and <${email}>`,
      );
      continue;
    }
    desiredById.set(live.id, a);
    if (live.email.toLowerCase() !== email)
      ctx.report('account-email', where, email, live.email.toLowerCase());
    if (a.close && !CLOSING_STATES.has(live.state))
      ctx.report('account-state', where, `closed or closing (close: ${a.close.reason})`, live.state);
    if (!a.close && !isActive(live)) ctx.report('account-state', where, 'ACTIVE', live.state);
    // A CLOSED account is gone for good; nothing about it can be changed any more.
    if (live.state === 'CLOSED') continue;
    const liveParent = parentOfLive(ctx, live);
    if (!sameSegments(liveParent, parent))
      ctx.report('account-placement', where, showSegments(parent), showSegments(liveParent));
    const tags = doorTags(door, a.tags, live.tags, live.parentId);
    if (!sameTags(live.tags, tags)) ctx.report('account-tags', where, showTags(tags), showTags(live.tags));
  }

  for (const live of ctx.snapshot.accounts) {
    if (desiredById.has(live.id) || !isActive(live)) continue;
    // Config that never mentions the management account leaves it alone.
    if (live.id === managementId && !ctx.desired.accounts.some((a) => a.management)) continue;
    if (ctx.ignore.account(live, parentOfLive(ctx, live))) continue;
    ctx.report('account-unexpected', accountLabel(live), 'in config, ignored, or closed', live.state);
  }

  return {
    liveOf: (email) => byEmail.get(email.toLowerCase()),
    desiredOf: (liveId) => desiredById.get(liveId),
    contained: (email) => ['held', 'enter'].includes(doors.get(email.toLowerCase())?.kind ?? 'free'),
  };
}
