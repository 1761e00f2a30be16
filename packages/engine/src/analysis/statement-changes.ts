import { type AnyStatement, asArray, canonicalJson } from '@orgops/model';
import { briefList, type StatementWords, statementWords } from './policy-words.ts';

/** A statement that is in both documents under one identity (its Sid, or its effect and actions). */
export interface StatementPair {
  /** The Sid, or `statement N` (its 1-based position after the change). */
  readonly label: string;
  readonly before: AnyStatement;
  readonly after: AnyStatement;
}

/** How one document's statements became another's. */
export interface StatementChanges {
  readonly changed: readonly StatementPair[];
  readonly added: readonly AnyStatement[];
  readonly removed: readonly AnyStatement[];
}

/**
 * Pairs the statements of two documents: identical ones are unchanged, then statements with the
 * same Sid, then statements with the same effect and actions, are one statement edited; the rest
 * were added or removed. Pairing is what lets a review say "exempt + X" instead of "rewrites a
 * Deny" when only an exemption list grew.
 */
export function statementChanges(
  before: readonly AnyStatement[],
  after: readonly AnyStatement[],
): StatementChanges {
  const left = before.map((s, i) => ({ s, i, key: canonicalJson(s) }));
  const right = after.map((s, i) => ({ s, i, key: canonicalJson(s) }));
  const take = <T>(list: T[], found: (x: T) => boolean): T | undefined => {
    const at = list.findIndex(found);
    return at < 0 ? undefined : list.splice(at, 1)[0];
  };
  for (const r of [...right]) {
    if (take(left, (l) => l.key === r.key)) right.splice(right.indexOf(r), 1);
  }
  const changed: StatementPair[] = [];
  const identity = (s: AnyStatement): string =>
    `${s.Effect}\u0000${s.Action !== undefined ? 'A' : 'N'}\u0000${canonicalJson([...asArray(s.Action ?? s.NotAction)].sort())}`;
  for (const match of [
    (a: AnyStatement, b: AnyStatement) => typeof a.Sid === 'string' && a.Sid !== '' && a.Sid === b.Sid,
    (a: AnyStatement, b: AnyStatement) => identity(a) === identity(b),
  ]) {
    for (const r of [...right]) {
      const l = take(left, (x) => match(x.s, r.s));
      if (!l) continue;
      right.splice(right.indexOf(r), 1);
      changed.push({ label: r.s.Sid ? String(r.s.Sid) : `statement ${r.i + 1}`, before: l.s, after: r.s });
    }
  }
  return { changed, added: right.map((r) => r.s), removed: left.map((l) => l.s) };
}

/** What changed inside one paired statement. */
export interface StatementEdit {
  readonly effectChanged: boolean;
  /** Entries of `Action` (or of `NotAction`, when {@link notAction}) added and removed. */
  readonly actionsAdded: readonly string[];
  readonly actionsRemoved: readonly string[];
  readonly notAction: boolean;
  /** The statement switched between `Action` and `NotAction`. */
  readonly actionKindChanged: boolean;
  readonly exemptAdded: readonly string[];
  readonly exemptRemoved: readonly string[];
  readonly regionsAdded: readonly string[];
  readonly regionsRemoved: readonly string[];
  readonly resourcesChanged: boolean;
  readonly conditionsChanged: boolean;
}

export function statementEdit(pair: StatementPair): StatementEdit {
  const b = statementWords(pair.before);
  const a = statementWords(pair.after);
  const diff = (x: readonly string[] | undefined, y: readonly string[] | undefined) =>
    (y ?? []).filter((v) => !(x ?? []).includes(v));
  const regions = (w: StatementWords) => w.allowedRegions ?? w.onlyRegions;
  return {
    effectChanged: a.effect !== b.effect,
    actionKindChanged: a.notAction !== b.notAction,
    notAction: a.notAction,
    actionsAdded: diff(b.actions, a.actions),
    actionsRemoved: diff(a.actions, b.actions),
    exemptAdded: diff(b.exempt, a.exempt),
    exemptRemoved: diff(a.exempt, b.exempt),
    regionsAdded: diff(regions(b), regions(a)),
    regionsRemoved: diff(regions(a), regions(b)),
    resourcesChanged:
      canonicalJson([b.notResource, [...b.resources].sort()]) !==
      canonicalJson([a.notResource, [...a.resources].sort()]),
    conditionsChanged:
      canonicalJson([
        b.conditions,
        b.onlyPrincipals,
        b.allowedRegions === undefined,
        b.onlyRegions === undefined,
      ]) !==
      canonicalJson([
        a.conditions,
        a.onlyPrincipals,
        a.allowedRegions === undefined,
        a.onlyRegions === undefined,
      ]),
  };
}

/** `exempt + arn:…; actions - s3:DeleteBucket; Regions + ap-south-1`: an edit in words. */
export function editWords(edit: StatementEdit): string {
  const parts: string[] = [];
  const list = (sign: string, items: readonly string[]) =>
    items.length ? [`${sign} ${briefList(items, 3)}`] : [];
  if (edit.effectChanged) parts.push('effect changed');
  if (edit.actionKindChanged) parts.push('Action and NotAction swapped');
  const actions = [...list('+', edit.actionsAdded), ...list('-', edit.actionsRemoved)];
  if (actions.length) parts.push(`${edit.notAction ? 'except' : 'actions'} ${actions.join(', ')}`);
  const exempt = [...list('+', edit.exemptAdded), ...list('-', edit.exemptRemoved)];
  if (exempt.length) parts.push(`exempt ${exempt.join(', ')}`);
  const regions = [...list('+', edit.regionsAdded), ...list('-', edit.regionsRemoved)];
  if (regions.length) parts.push(`Regions ${regions.join(', ')}`);
  if (edit.resourcesChanged) parts.push('resources changed');
  if (edit.conditionsChanged) parts.push('conditions changed');
  return parts.length ? parts.join('; ') : 'reformatted';
}

/**
 * Whether an edit of a Deny lets through something it denied before: fewer actions denied, more
 * exceptions, more principals exempt, more Regions allowed, or resources or conditions rewritten
 * (which may narrow it; the review cannot tell, so it asks).
 */
export function weakensDeny(pair: StatementPair, edit: StatementEdit): boolean {
  if (pair.before.Effect !== 'Deny') return false;
  if (edit.effectChanged || edit.actionKindChanged || edit.resourcesChanged || edit.conditionsChanged)
    return true;
  const fewerDenied = edit.notAction ? edit.actionsAdded.length > 0 : edit.actionsRemoved.length > 0;
  const beforeWords = statementWords(pair.before);
  const regionsWiden = beforeWords.allowedRegions
    ? edit.regionsAdded.length > 0
    : edit.regionsRemoved.length > 0;
  return fewerDenied || edit.exemptAdded.length > 0 || regionsWiden;
}
