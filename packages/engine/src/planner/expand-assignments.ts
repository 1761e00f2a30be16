import type { DesiredAccount, DesiredAssignment, DesiredState } from '@orgops/model';
import { isWithin } from '../addresses.ts';

/** One concrete assignment: principal + permission set + account (by email). */
export interface AssignmentTriple {
  readonly principalType: 'GROUP' | 'USER';
  readonly principalName: string;
  readonly permissionSet: string;
  readonly email: string;
  /** The rule it came from, for error locations. */
  readonly rule: DesiredAssignment;
}

/**
 * Expands assignment rules against the desired organization: an OU target means every account in
 * its subtree as config places them, a tag target every account carrying the tag. Accounts marked
 * for closure get nothing.
 */
export function expandAssignments(desired: DesiredState): AssignmentTriple[] {
  const accounts = desired.accounts.filter((a) => !a.close);
  const triples = new Map<string, AssignmentTriple>();
  for (const rule of desired.assignments) {
    const excluded = new Set(rule.exclude);
    for (const acct of accounts) {
      if (excluded.has(acct.email) || !rule.targets.some((t) => targets(t, acct))) continue;
      const triple: AssignmentTriple = {
        principalType: rule.principal.type,
        principalName: rule.principal.name,
        permissionSet: rule.permissionSet,
        email: acct.email,
        rule,
      };
      triples.set(tripleKey(triple), triple);
    }
  }
  return [...triples.values()];
}

function targets(t: DesiredAssignment['targets'][number], acct: DesiredAccount): boolean {
  switch (t.kind) {
    case 'account':
      return t.email === acct.email;
    case 'ou':
      return isWithin(acct.parentPath, t.path);
    case 'tag':
      return t.key in acct.tags && (t.value === undefined || acct.tags[t.key] === t.value);
  }
}

export function tripleKey(
  t: Pick<AssignmentTriple, 'principalType' | 'principalName' | 'permissionSet' | 'email'>,
): string {
  return `${t.principalType}:${t.principalName}/${t.permissionSet}/${t.email}`;
}
