import {
  type Assignment,
  type DesiredAccount,
  inert,
  pathOf,
  policyTypeLabel,
  type WaiverTarget,
} from '@orgops/model';

/**
 * The config object a finding is about. `key` is what waivers match on: the object's natural key,
 * so a waiver keeps matching when the list it sits in is reordered.
 */
export interface Subject {
  readonly kind:
    | 'policy'
    | 'permission-set'
    | 'assignment'
    | 'account'
    | 'ou'
    | 'root'
    | 'protected-role'
    | 'waiver';
  readonly key: string;
  /** For messages: `SCP deny-root-user`, `OU /Workloads`, `user alice: ReadOnly`. */
  readonly label: string;
}

export function policySubject(p: { readonly type: string; readonly name: string }): Subject {
  return {
    kind: 'policy',
    key: `policy:${p.type}/${p.name}`,
    label: `${policyTypeLabel(p.type)} ${inert(p.name)}`,
  };
}

export function permissionSetSubject(name: string): Subject {
  return { kind: 'permission-set', key: `permission-set:${name}`, label: `permission set ${inert(name)}` };
}

export function assignmentSubject(a: Pick<Assignment, 'principal' | 'permissionSet'>): Subject {
  const who = `${a.principal.type === 'GROUP' ? 'group' : 'user'} ${inert(a.principal.name)}`;
  return {
    kind: 'assignment',
    key: `assignment:${a.principal.type}:${a.principal.name}:${a.permissionSet.name}`,
    label: `assignment of ${inert(a.permissionSet.name)} to ${who}`,
  };
}

export function accountSubject(a: Pick<DesiredAccount, 'email' | 'name'>): Subject {
  return { kind: 'account', key: `account:${a.email.toLowerCase()}`, label: `account ${inert(a.name)}` };
}

export function ouSubject(path: string): Subject {
  return { kind: 'ou', key: `ou:${path}`, label: `OU ${inert(path)}` };
}

export const ROOT_SUBJECT: Subject = { kind: 'root', key: 'root', label: 'the root' };

export function protectedRoleSubject(name: string): Subject {
  return { kind: 'protected-role', key: `protected-role:${name}`, label: `protected role ${inert(name)}` };
}

/** The subject a waiver's target stands for, keyed as the rules key their findings. */
export function subjectOf(target: WaiverTarget): Subject {
  switch (target.kind) {
    case 'policy':
      return policySubject(target);
    case 'permission-set':
      return permissionSetSubject(target.name);
    case 'assignment':
      return assignmentSubject(target);
    case 'account':
      return accountSubject(target);
    case 'ou':
      return ouSubject(pathOf(target));
    case 'root':
      return ROOT_SUBJECT;
    case 'protected-role':
      return protectedRoleSubject(target.name);
  }
}
