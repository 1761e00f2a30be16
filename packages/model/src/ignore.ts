import { ouPathLineage } from './ou-path.ts';

/**
 * Resources owned by something else (Control Tower, another team's tooling). Matching resources are
 * read but never changed, and never reported as drift. Patterns use `*` as a wildcard.
 *
 * @example
 * ignore: { policies: ['aws-guardrails-*'], permissionSets: ['AWSControlTower*'] }
 */
export interface IgnoreRules {
  /** Policy names (any type). */
  readonly policies?: readonly string[];
  readonly permissionSets?: readonly string[];
  /** OU paths, e.g. `/Control Tower*`; everything below a matching OU is ignored too. */
  readonly organizationalUnits?: readonly string[];
  /** Account ids or emails. */
  readonly accounts?: readonly string[];
  /** Service principals whose trusted access or delegated admins are managed elsewhere. */
  readonly trustedServices?: readonly string[];
}

export function matchesPattern(value: string, pattern: string): boolean {
  if (!pattern.includes('*')) return value === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(value);
}

export function matchesAny(value: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((p) => matchesPattern(value, p));
}

/**
 * `ignore.accounts` matching: ids exactly, emails without regard to case (AWS treats the root
 * email case-insensitively, and orgops lower-cases config emails), so a pattern copied from the
 * console or from an error message matches however it is capitalised.
 */
export function matchesAccountPattern(
  account: { readonly id?: string; readonly email: string },
  patterns: readonly string[] | undefined,
): boolean {
  const email = account.email.toLowerCase();
  return (patterns ?? []).some(
    (p) =>
      matchesPattern(email, p.toLowerCase()) || (account.id !== undefined && matchesPattern(account.id, p)),
  );
}

/** `ignore.organizationalUnits` matching: an ignored OU takes its whole subtree with it. */
export function matchesOuPattern(path: string, patterns: readonly string[] | undefined): boolean {
  return ouPathLineage(path).some((p) => matchesAny(p, patterns));
}
