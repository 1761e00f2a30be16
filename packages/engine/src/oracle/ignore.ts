import { type IgnoreRules, matchesPattern } from '@orgops/model';
import type { SnapshotAccount } from '../snapshot.ts';
import { pathText, type Segments } from './segments.ts';

/** Which live resources the config leaves to someone else (`ignore`): the oracle neither expects nor forbids them. */
export interface IgnoreView {
  /** The OU or one of its ancestors matches `ignore.organizationalUnits`. */
  ou(segments: Segments): boolean;
  /** By id, by email in any letter case, or because its parent OU is ignored. */
  account(account: SnapshotAccount, parent: Segments): boolean;
  policy(name: string): boolean;
  permissionSet(name: string): boolean;
  service(principal: string): boolean;
}

export function ignoreView(rules: IgnoreRules): IgnoreView {
  const any = (value: string, patterns: readonly string[] | undefined): boolean =>
    (patterns ?? []).some((p) => matchesPattern(value, p));
  const ou = (segments: Segments): boolean => {
    // OU patterns are written as path text (`/Control Tower*`), where `\` and `/` inside a name
    // are escaped; every ancestor is tried, so an ignored OU takes its subtree with it.
    for (let i = 1; i <= segments.length; i++) {
      if (any(pathText(segments.slice(0, i)), rules.organizationalUnits)) return true;
    }
    return false;
  };
  // Email addresses are case-insensitive, so a pattern matches an email in any letter case.
  const accountPatterns = (rules.accounts ?? []).map((p) => p.toLowerCase());
  return {
    ou,
    account: (account, parent) =>
      accountPatterns.some((p) => matchesPattern(account.email.toLowerCase(), p)) ||
      (rules.accounts ?? []).some((p) => matchesPattern(account.id, p)) ||
      ou(parent),
    policy: (name) => any(name, rules.policies),
    permissionSet: (name) => any(name, rules.permissionSets),
    service: (principal) => any(principal, rules.trustedServices),
  };
}
