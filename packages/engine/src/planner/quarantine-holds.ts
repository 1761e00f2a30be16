import {
  type DesiredAccount,
  type DesiredState,
  doorParentPath,
  doorTags,
  QUARANTINE_TAGS,
  type QuarantineDoor,
  quarantineDoor,
  quarantineRecordOf,
} from '@orgops/model';
import type { HeldInQuarantine } from '../analysis/held-in-quarantine.ts';
import type { QuarantineMove } from '../change.ts';
import type { SnapshotAccount } from '../snapshot.ts';
import type { PlanBuilder } from './builder.ts';
import type { OuMatch } from './diff-ous.ts';
import type { LiveIndex } from './live-index.ts';

/**
 * The planner's side of the one-way door (`quarantineDoor` in the model, shared with the
 * conformance oracle). Per config account it decides where the account belongs after the plan
 * and which tags it keeps, and it records what the plan holds back for a held account: access is
 * never widened into a contained account (assignments and delegated administration wait for the
 * release), while access config removes is still removed, and closing it still closes it.
 */
export class QuarantineHolds {
  private readonly doors = new Map<string, { door: QuarantineDoor; account: DesiredAccount }>();
  private readonly waiting = new Map<string, string[]>();
  readonly quarantinePath: string | undefined;
  private readonly quarantineOuId: string | undefined;

  constructor(
    desired: DesiredState,
    private readonly live: LiveIndex,
    ous: OuMatch,
  ) {
    this.quarantinePath = desired.quarantine?.path;
    this.quarantineOuId =
      this.quarantinePath === undefined ? undefined : ous.liveIdByPath.get(this.quarantinePath);
  }

  /** Decides the door of a config account against its live account (absent: not created yet). */
  decide(a: DesiredAccount, match: SnapshotAccount | undefined): QuarantineDoor {
    const inQuarantineOu =
      match !== undefined && this.quarantineOuId !== undefined && match.parentId === this.quarantineOuId;
    const door =
      this.quarantinePath === undefined
        ? ({ kind: 'free' } as const)
        : quarantineDoor({
            management: a.management,
            inQuarantineOu,
            declaredInQuarantineOu: a.parentPath === this.quarantinePath,
            liveTags: match?.tags ?? {},
            quarantine: a.quarantine,
            release: a.release,
          });
    this.doors.set(a.email, { door, account: a });
    return door;
  }

  parentPathOf(a: DesiredAccount, door: QuarantineDoor): string {
    return this.quarantinePath === undefined
      ? a.parentPath
      : doorParentPath(door, a.parentPath, this.quarantinePath);
  }

  tagsOf(
    a: DesiredAccount,
    door: QuarantineDoor,
    match: SnapshotAccount | undefined,
  ): Record<string, string> {
    return doorTags(door, a.tags, match?.tags ?? {}, match?.parentId);
  }

  /** The marker of a move through the door, or undefined for an ordinary move. */
  moveMarker(door: QuarantineDoor): QuarantineMove | undefined {
    if (door.kind === 'enter') {
      return {
        direction: 'enter',
        reason: door.entry.reason,
        ...(door.entry.at !== undefined ? { quarantinedAt: door.entry.at } : {}),
      };
    }
    if (door.kind === 'release') {
      return {
        direction: 'release',
        reason: door.release.reason,
        ...(door.record.reason !== undefined ? { heldFor: door.record.reason } : {}),
        ...(door.record.at !== undefined ? { quarantinedAt: door.record.at } : {}),
      };
    }
    return undefined;
  }

  /** Where a decided account is after the plan (its declared parent when undecided). */
  placedPathOf(a: DesiredAccount): string {
    const decided = this.doors.get(a.email);
    return decided ? this.parentPathOf(a, decided.door) : a.parentPath;
  }

  /** Held or entering quarantine: nothing may widen access into it in this plan. */
  isContained(email: string): boolean {
    const kind = this.doors.get(email)?.door.kind;
    return kind === 'held' || kind === 'enter';
  }

  /** Records a change the plan leaves out because the account is contained. */
  holdBack(email: string, what: string): void {
    this.waiting.set(email, [...(this.waiting.get(email) ?? []), what]);
  }

  /**
   * Says what config should catch up on for each held account, and refuses to move an account
   * that carries a quarantine record but is outside the door's reach (no quarantine OU in config,
   * or not in it): only a release lets a quarantined account out.
   */
  report(out: PlanBuilder, moving: (email: string) => boolean): void {
    for (const { door, account: a } of this.doors.values()) {
      if (door.kind !== 'held' || !door.problem) continue;
      const held = `Account ${a.name} is held in quarantine${door.record.reason !== undefined ? ` (${door.record.reason})` : ''}`;
      const at = door.record.at;
      const release = `release: { reason${at ? `, quarantinedAt: '${at}'` : ''} }`;
      if (door.problem === 'not-recorded') {
        out.warn('quarantine-not-recorded', {
          message: `${held} but config places it in ${a.parentPath} and records no quarantine: the plan leaves it in ${this.quarantinePath}.`,
          path: `accounts[${a.name}]`,
          site: a.site,
          fix: `Add quarantine: { reason${at ? `, at: '${at}'` : ''} } to the account (\`orgops quarantine\` writes it and opens the pull request), or let it out with ${release}.`,
        });
      } else if (door.problem === 'entry-outdated') {
        out.warn('quarantine-entry-outdated', {
          message: `${held} since ${at}, but its config entry records the quarantine of ${a.quarantine?.at}.`,
          path: `accounts[${a.name}].quarantine`,
          site: a.site,
          value: a.quarantine?.at,
          fix: `Set at: '${at}' and the reason of the current quarantine in the entry.`,
        });
      } else {
        out.warn('quarantine-release-mismatch', {
          message: `${held}${at ? ` since ${at}` : ''}; its release names ${a.release?.quarantinedAt === undefined ? 'no quarantine time' : `the quarantine of ${a.release.quarantinedAt}`}, so it stays held.`,
          path: `accounts[${a.name}].release`,
          site: a.site,
          value: a.release?.quarantinedAt,
          fix: `To end this quarantine, set ${release}.`,
        });
      }
    }
    for (const acct of this.live.snapshot.accounts) {
      const record = quarantineRecordOf(acct.tags);
      if (record.reason === undefined && record.at === undefined) continue;
      const email = acct.email.toLowerCase();
      const entry = this.doors.get(email) ?? [...this.doors.values()].find((d) => d.account.id === acct.id);
      if (entry?.door.kind !== 'free') continue;
      const where = this.live.parentPathOf(acct);
      if (!moving(entry.account.email)) {
        if (this.quarantinePath === undefined) continue;
        out.warn('quarantine-left-outside', {
          message: `Account ${entry.account.name} (${acct.id}) carries a quarantine record (${record.reason ?? 'no reason'}${record.at ? `, since ${record.at}` : ''}) but sits in ${where}, outside the quarantine OU ${this.quarantinePath}: it was moved out outside orgops. The plan removes the record.`,
          path: `accounts[${entry.account.name}]`,
          site: entry.account.site,
          value: where,
          fix: `If it is still compromised, quarantine it again with \`orgops quarantine\`; otherwise nothing to do.`,
        });
        continue;
      }
      out.error('quarantine-tagged-move', {
        message: `Account ${entry.account.name} (${acct.id}) carries a quarantine record (${QUARANTINE_TAGS.reason}: ${record.reason ?? '-'}, ${QUARANTINE_TAGS.at}: ${record.at ?? '-'}) in ${where}, ${this.quarantinePath === undefined ? 'but the config names no quarantine OU' : `which is not the quarantine OU ${this.quarantinePath}`}; this plan would move it to ${entry.account.parentPath} without a release.`,
        path: `accounts[${entry.account.name}]`,
        site: entry.account.site,
        value: where,
        fix:
          this.quarantinePath === undefined
            ? 'Restore `quarantine: defineQuarantine({ organizationalUnit, guardrails })` naming the OU it is held in, then release it explicitly if it should leave.'
            : `Move it into ${this.quarantinePath} with \`orgops quarantine\`, or, if its quarantine is over, remove its orgops:quarantine* tags in the console so the plan may place it.`,
      });
    }
  }

  /** Held accounts, for the review context. */
  held(): Map<string, HeldInQuarantine> {
    const out = new Map<string, HeldInQuarantine>();
    for (const [email, { door, account: a }] of this.doors) {
      if (door.kind !== 'held' || this.quarantinePath === undefined) continue;
      const { reason, at, by } = door.record;
      out.set(email, {
        ...(reason !== undefined ? { reason } : {}),
        ...(at !== undefined ? { at } : {}),
        ...(by !== undefined ? { by } : {}),
        quarantinePath: this.quarantinePath,
        declaredPath: a.parentPath,
        ...(door.problem ? { problem: door.problem } : {}),
        waiting: this.waiting.get(email) ?? [],
      });
    }
    return out;
  }
}

/**
 * The desired state as the plan leaves it, for the review: held and entering accounts in the
 * quarantine OU, held ones with their record.
 */
export function reviewDesiredOf(
  desired: DesiredState,
  holds: QuarantineHolds,
): DesiredState & { readonly accounts: readonly (DesiredAccount & { held?: HeldInQuarantine })[] } {
  const held = holds.held();
  return {
    ...desired,
    accounts: desired.accounts.map((a) => {
      const h = held.get(a.email);
      const parentPath = holds.placedPathOf(a);
      return h ? { ...a, parentPath, held: h } : parentPath === a.parentPath ? a : { ...a, parentPath };
    }),
  };
}
