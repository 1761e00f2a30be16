import type { QuarantineEntry, ReleaseIntent } from './quarantine.ts';
import {
  isQuarantineTag,
  type QuarantineRecord,
  quarantineRecordOf,
  quarantineTagsIn,
  quarantineTagsOf,
} from './quarantine-tags.ts';
import type { Tags } from './tags.ts';

/**
 * The one-way door, as one rule that the planner and the independent conformance oracle both
 * call: an account found in the quarantine OU stays there, whatever its declared parent, until
 * its config says `release` for that very quarantine.
 *
 * - `free`: not in the quarantine OU, and config does not quarantine it. Config rules.
 * - `placed`: in the quarantine OU because config puts it there (its declared parent), and no
 *   quarantine recorded in config or in its tags; nothing to hold.
 * - `enter`: config records a quarantine (`quarantine: {...}`) and the account is elsewhere: it
 *   belongs in the quarantine OU, tagged from the entry.
 * - `held`: in the quarantine OU and staying there. `problem` says what config should catch up on.
 * - `release`: in the quarantine OU, and config releases exactly this quarantine.
 */
export type QuarantineDoor =
  | { readonly kind: 'free' }
  | { readonly kind: 'placed' }
  | { readonly kind: 'enter'; readonly entry: QuarantineEntry }
  | { readonly kind: 'held'; readonly record: QuarantineRecord; readonly problem?: HoldProblem }
  | { readonly kind: 'release'; readonly record: QuarantineRecord; readonly release: ReleaseIntent };

/**
 * Why config and the held account disagree. `not-recorded`: config places it elsewhere and has
 * no quarantine entry (the pull request from `orgops quarantine` is not merged yet).
 * `entry-outdated`: the entry records another quarantine than the account's tags.
 * `release-mismatch`: the release names another quarantine than the one the account is in.
 */
export type HoldProblem = 'not-recorded' | 'entry-outdated' | 'release-mismatch';

export interface DoorInput {
  /** The management account: no SCP or RCP applies to it, so no quarantine OU holds it. */
  readonly management?: boolean;
  /** The live account sits in the config's quarantine OU. */
  readonly inQuarantineOu: boolean;
  /** Config's declared parent is the quarantine OU itself. */
  readonly declaredInQuarantineOu: boolean;
  readonly liveTags: Tags;
  readonly quarantine?: QuarantineEntry;
  readonly release?: ReleaseIntent;
}

export function quarantineDoor(input: DoorInput): QuarantineDoor {
  const { quarantine, release } = input;
  if (input.management) return { kind: 'free' };
  if (!input.inQuarantineOu)
    return quarantine && !release ? { kind: 'enter', entry: quarantine } : { kind: 'free' };
  const record = quarantineRecordOf(input.liveTags);
  if (release) {
    return release.quarantinedAt === record.at
      ? { kind: 'release', record, release }
      : { kind: 'held', record, problem: 'release-mismatch' };
  }
  if (quarantine) {
    const outdated = quarantine.at !== undefined && record.at !== undefined && quarantine.at !== record.at;
    return outdated ? { kind: 'held', record, problem: 'entry-outdated' } : { kind: 'held', record };
  }
  // Config parks it here itself: nothing to hold, unless it carries a quarantine's record.
  const tagged = Object.keys(record).length > 0;
  if (input.declaredInQuarantineOu) return tagged ? { kind: 'held', record } : { kind: 'placed' };
  return { kind: 'held', record, problem: 'not-recorded' };
}

/** Where the account belongs after a plan: the quarantine OU while it is held or entering. */
export function doorParentPath(door: QuarantineDoor, declaredPath: string, quarantinePath: string): string {
  return door.kind === 'held' || door.kind === 'enter' ? quarantinePath : declaredPath;
}

/**
 * The tags the account must carry after a plan: config's tags, plus the quarantine tags a held
 * account carries now (never rewritten or removed while it is held), or those of an entry it
 * enters with. Released and free accounts carry config's tags only, so the record goes with
 * the release. `from` is the parent id an entering account leaves.
 */
export function doorTags(door: QuarantineDoor, configTags: Tags, liveTags: Tags, from?: string): Tags {
  const own = Object.fromEntries(Object.entries(configTags).filter(([k]) => !isQuarantineTag(k)));
  switch (door.kind) {
    case 'held':
      return { ...own, ...quarantineTagsIn(liveTags) };
    case 'enter':
      return { ...own, ...quarantineTagsOf({ ...door.entry, ...(from !== undefined ? { from } : {}) }) };
    default:
      return own;
  }
}
