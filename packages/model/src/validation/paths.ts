import type { Account } from '../account.ts';
import type { Assignment, AssignmentTarget } from '../assignment.ts';
import { type OrganizationalUnit, pathOf, type Root } from '../organization-unit.ts';
import type { PermissionSet } from '../permission-set.ts';
import { CONTROL_CHARACTERS } from './messages.ts';

/**
 * Readable paths inside the config. Array elements are addressed by their natural key rather than
 * their index (`accounts[log-archive]`, `organizationalUnits[/Workloads/Prod]`) so a path still
 * makes sense after the list is reordered.
 */
export function accountPath(a: Account): string {
  return `accounts[${inert(a.name)}]`;
}

export function ouPath(ou: OrganizationalUnit): string {
  return `organizationalUnits[${inert(pathOf(ou))}]`;
}

export function targetPath(node: Root | OrganizationalUnit | Account): string {
  if (node.kind === 'root') return 'root';
  return node.kind === 'ou' ? ouPath(node) : accountPath(node);
}

export function permissionSetPath(ps: PermissionSet): string {
  return `permissionSets[${inert(ps.name)}]`;
}

export function assignmentPath(a: Assignment): string {
  return `assignments[${inert(a.principal.name)}:${inert(a.permissionSet.name)}]`;
}

/**
 * A name as it appears inside a path: control characters written as `\u001b`, so a diagnostic
 * printed to a terminal shows the name instead of being steered by it.
 */
export function inert(name: string): string {
  return name.replace(
    CONTROL_CHARACTERS,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

export function assignmentTargetLabel(t: AssignmentTarget): string {
  switch (t.kind) {
    case 'tag':
      return t.value === undefined ? `tag:${t.key}` : `tag:${t.key}=${t.value}`;
    case 'account':
      return t.name;
    default:
      return pathOf(t);
  }
}

/** `.key` for identifiers, `["key"]` otherwise. */
export function keySegment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${inert(JSON.stringify(key))}]`;
}
