import { expandAssignments } from '@orgops/engine';
import { type DesiredState, OrgopsError } from '@orgops/model';
import type { SimulationIdentity } from '../identity.ts';

/** What `orgops explain` was asked about. */
export type Subject =
  | { readonly kind: 'account'; readonly ref: string }
  | { readonly kind: 'permission-set'; readonly name: string }
  | { readonly kind: 'principal'; readonly type: 'GROUP' | 'USER'; readonly name: string };

const PREFIXES: Readonly<Record<string, (rest: string) => Subject>> = {
  account: (ref) => ({ kind: 'account', ref }),
  'permission-set': (name) => ({ kind: 'permission-set', name }),
  ps: (name) => ({ kind: 'permission-set', name }),
  group: (name) => ({ kind: 'principal', type: 'GROUP', name }),
  user: (name) => ({ kind: 'principal', type: 'USER', name }),
};

/**
 * Reads `account:NAME`, `permission-set:NAME` (or `ps:`), `group:NAME`, `user:NAME`, or a bare name
 * that is exactly one of: an account (name, email or id), a permission set, a group or a user the
 * organization assigns something to.
 *
 * @throws OrgopsError `explain-subject-unknown` (what there is to ask about) or
 *   `explain-subject-ambiguous` (the prefixes that tell them apart).
 */
export function resolveSubject(desired: DesiredState, identity: SimulationIdentity, text: string): Subject {
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? text.slice(0, colon).toLowerCase() : '';
  const make = PREFIXES[prefix];
  if (make) return make(text.slice(colon + 1));

  const wanted = text.toLowerCase();
  const candidates: Subject[] = [];
  if (
    desired.accounts.some(
      (a) =>
        a.name.toLowerCase() === wanted || a.email === wanted || identity.accountIds.get(a.email) === text,
    )
  )
    candidates.push({ kind: 'account', ref: text });
  if (desired.permissionSets.some((p) => p.name === text))
    candidates.push({ kind: 'permission-set', name: text });
  const principals = new Set(
    expandAssignments(desired).map((t) => `${t.principalType}\u0000${t.principalName}`),
  );
  for (const type of ['GROUP', 'USER'] as const)
    if (principals.has(`${type}\u0000${text}`)) candidates.push({ kind: 'principal', type, name: text });

  const [only, ...more] = candidates;
  if (only && more.length === 0) return only;
  if (only) {
    const spelled = candidates.map((c) =>
      c.kind === 'account'
        ? `account:${text}`
        : c.kind === 'permission-set'
          ? `permission-set:${text}`
          : `${c.type.toLowerCase()}:${text}`,
    );
    throw new OrgopsError(
      'explain-subject-ambiguous',
      `"${text}" names more than one thing; say which: ${spelled.join(', ')}.`,
    );
  }
  const groups = [...principals].filter((p) => p.startsWith('GROUP')).map((p) => p.split('\u0000')[1]);
  throw new OrgopsError(
    'explain-subject-unknown',
    `nothing in the organization is called "${text}". Ask about an account (${desired.accounts
      .slice(0, 5)
      .map((a) => a.name)
      .join(', ')}${desired.accounts.length > 5 ? ', …' : ''}), a permission set (${desired.permissionSets
      .map((p) => p.name)
      .join(
        ', ',
      )}) or a group (${groups.join(', ') || 'none assigned'}); prefix with account:, permission-set:, group: or user: to be explicit.`,
  );
}
