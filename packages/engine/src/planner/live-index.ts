import {
  accountTarget,
  type DesiredState,
  joinOuPath,
  matchesAccountPattern,
  matchesAny,
  matchesOuPattern,
  ROOT_PATH,
} from '@orgops/model';
import type {
  Snapshot,
  SnapshotAccount,
  SnapshotOu,
  SnapshotPermissionSet,
  SnapshotPolicy,
} from '../snapshot.ts';

/** Indexes over a snapshot, with everything under `ignore` filtered out. */
export interface LiveIndex {
  readonly snapshot: Snapshot;
  readonly rootId: string;
  /** Path of every OU by id (root is `/`), ignored ones included; names are escaped (see `ou-path.ts`). */
  readonly pathById: ReadonlyMap<string, string>;
  readonly ouByPath: ReadonlyMap<string, SnapshotOu>;
  readonly accountById: ReadonlyMap<string, SnapshotAccount>;
  readonly accountByEmail: ReadonlyMap<string, SnapshotAccount>;
  readonly policyByKey: ReadonlyMap<string, SnapshotPolicy>;
  readonly permissionSetByName: ReadonlyMap<string, SnapshotPermissionSet>;
  readonly enabledPolicyTypes: ReadonlySet<string>;
  /** Target id -> target key (`/`, OU path or `account:<email>`). */
  readonly targetKeyById: ReadonlyMap<string, string>;
  isIgnoredOu(path: string): boolean;
  isIgnoredAccount(acct: { readonly id?: string; readonly email: string }): boolean;
  /** Ignored by `ignore.accounts` or because it sits in an ignored OU. */
  isUnmanagedAccount(acct: SnapshotAccount): boolean;
  isIgnoredPolicy(name: string): boolean;
  isIgnoredPermissionSet(name: string): boolean;
  isIgnoredService(principal: string): boolean;
  /** Path of an account's parent. */
  parentPathOf(acct: SnapshotAccount): string;
}

export const policyKey = (type: string, name: string): string => `${type}/${name}`;

export function indexSnapshot(snapshot: Snapshot, desired: DesiredState): LiveIndex {
  const ignore = desired.ignore;
  const rootId = snapshot.root.id;
  const pathById = new Map<string, string>([[rootId, ROOT_PATH]]);
  const ouById = new Map(snapshot.ous.map((ou) => [ou.id, ou]));
  const resolvePath = (id: string, seen = new Set<string>()): string => {
    const known = pathById.get(id);
    if (known !== undefined) return known;
    const ou = ouById.get(id);
    if (!ou || seen.has(id)) return '/?';
    seen.add(id);
    const path = joinOuPath(resolvePath(ou.parentId, seen), ou.name);
    pathById.set(id, path);
    return path;
  };
  for (const ou of snapshot.ous) resolvePath(ou.id);

  const isIgnoredOu = (path: string): boolean => matchesOuPattern(path, ignore.organizationalUnits);

  const ouByPath = new Map<string, SnapshotOu>();
  for (const ou of snapshot.ous) {
    const path = pathById.get(ou.id)!;
    if (!isIgnoredOu(path)) ouByPath.set(path, ou);
  }

  const isIgnoredAccount = (a: { readonly id?: string; readonly email: string }): boolean =>
    matchesAccountPattern(a, ignore.accounts);
  const isUnmanagedAccount = (a: SnapshotAccount): boolean =>
    isIgnoredAccount(a) || isIgnoredOu(pathById.get(a.parentId) ?? ROOT_PATH);

  const accountById = new Map<string, SnapshotAccount>();
  const accountByEmail = new Map<string, SnapshotAccount>();
  for (const a of snapshot.accounts) {
    if (isUnmanagedAccount(a)) continue;
    accountById.set(a.id, a);
    accountByEmail.set(a.email.toLowerCase(), a);
  }

  const isIgnoredPolicy = (name: string): boolean => matchesAny(name, ignore.policies);
  const policyByKey = new Map<string, SnapshotPolicy>();
  for (const p of snapshot.policies) {
    if (!isIgnoredPolicy(p.name)) policyByKey.set(policyKey(p.type, p.name), p);
  }

  const isIgnoredPermissionSet = (name: string): boolean => matchesAny(name, ignore.permissionSets);
  const permissionSetByName = new Map<string, SnapshotPermissionSet>();
  for (const ps of snapshot.identityCenter?.permissionSets ?? []) {
    if (!isIgnoredPermissionSet(ps.name)) permissionSetByName.set(ps.name, ps);
  }

  const targetKeyById = new Map<string, string>([[rootId, ROOT_PATH]]);
  for (const [path, ou] of ouByPath) targetKeyById.set(ou.id, path);
  for (const a of accountById.values()) targetKeyById.set(a.id, accountTarget(a.email));

  return {
    snapshot,
    rootId,
    pathById,
    ouByPath,
    accountById,
    accountByEmail,
    policyByKey,
    permissionSetByName,
    enabledPolicyTypes: new Set(
      snapshot.root.policyTypes.filter((t) => t.status !== 'PENDING_DISABLE').map((t) => t.type),
    ),
    targetKeyById,
    isIgnoredOu,
    isIgnoredAccount,
    isUnmanagedAccount,
    isIgnoredPolicy,
    isIgnoredPermissionSet,
    isIgnoredService: (principal) => matchesAny(principal, ignore.trustedServices),
    parentPathOf: (acct) => pathById.get(acct.parentId) ?? ROOT_PATH,
  };
}

/** Accounts that can still be changed; closed and closing ones stay listed for 90 days. */
export function isLiveAccount(a: SnapshotAccount): boolean {
  return a.state === 'ACTIVE' || a.state === 'PENDING_ACTIVATION';
}

/** How a live account is named in messages: name, id and state when it is not active. */
export function describeAccount(a: SnapshotAccount): string {
  return `${a.name} (${a.id}${isLiveAccount(a) ? '' : `, ${a.state}`})`;
}
