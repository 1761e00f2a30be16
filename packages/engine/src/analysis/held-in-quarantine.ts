import type { HoldProblem } from '@orgops/model';
import type { AccountRef } from '../change.ts';
import type { ReviewContext } from './review-context.ts';

/**
 * An account the plan leaves in the quarantine OU because the one-way door holds it, as the
 * review shows it: the record from its tags, where config would otherwise place it, and what the
 * plan holds back until it is released. The planner writes it into the review context, so a saved
 * plan carries it under the plan's digests.
 */
export interface HeldInQuarantine {
  /** The quarantine's reason, when, and who, from the account's tags (absent when untagged). */
  readonly reason?: string;
  readonly at?: string;
  readonly by?: string;
  /** The quarantine OU, where the account stays. */
  readonly quarantinePath: string;
  /** Where config places it: where a release would move it. */
  readonly declaredPath: string;
  /** What config has not caught up with (see `quarantineDoor`). */
  readonly problem?: HoldProblem;
  /** Changes held back until release, in words: access is never widened into a held account. */
  readonly waiting: readonly string[];
}

export interface HeldAccount extends AccountRef {
  readonly held: HeldInQuarantine;
}

/** The held accounts of a review context, in config order, with their live ids. */
export function heldAccounts(context: ReviewContext): HeldAccount[] {
  return context.desired.accounts.flatMap((a) => {
    if (!a.held) return [];
    const id = a.id ?? context.snapshot.accounts.find((x) => x.email.toLowerCase() === a.email)?.id;
    return [{ email: a.email, name: a.name, ...(id !== undefined ? { id } : {}), held: a.held }];
  });
}

/** A string as a single-quoted TypeScript literal, as the config is written. */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One line about a held account, for terminal and markdown views (the caller makes it inert). */
export function heldWords(a: HeldAccount): string {
  const { held } = a;
  const since = [held.at && `since ${held.at}`, held.by && `by ${held.by}`].filter(Boolean).join(' ');
  const why =
    held.reason !== undefined ? `: ${held.reason}` : ' (no quarantine tag: moved there outside orgops)';
  const where =
    held.declaredPath === held.quarantinePath
      ? ''
      : `; config places it in ${held.declaredPath}, it stays in ${held.quarantinePath} until released`;
  return `${a.name} (${a.id ?? a.email}) held in quarantine${since ? ` ${since}` : ''}${why}${where}`;
}

/** What config should do about a held account, when anything. */
export function heldFix(a: HeldAccount): string | undefined {
  const at = a.held.at;
  const entry = `quarantine: { reason: ${literal(a.held.reason ?? 'why')}${at ? `, at: ${literal(at)}` : ''}${a.held.by ? `, by: ${literal(a.held.by)}` : ''} }`;
  switch (a.held.problem) {
    case 'not-recorded':
      return `record it in config: ${entry} on the account (the pull request from \`orgops quarantine\` does this), or let it out with release: { reason${at ? `, quarantinedAt: '${at}'` : ''} }`;
    case 'entry-outdated':
      return `the account was quarantined again: update its entry to ${entry}`;
    case 'release-mismatch':
      return `the release names another quarantine; to end this one set release: { reason${at ? `, quarantinedAt: '${at}'` : ''} }`;
    default:
      return undefined;
  }
}
