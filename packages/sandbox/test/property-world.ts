/**
 * The property test's model of a config, as plain data the generator can shrink: fixed slots of
 * OUs, accounts, SCPs and permission sets that mutations fill, rename, move, retag and close. A
 * world is turned into a real config by `property-build.ts`; this file holds its shape and the
 * rules every world keeps (so a generated config is refused only for what the test means to probe).
 */

export const OU_SLOTS = 5;
export const ACCOUNT_SLOTS = 4;
export const SCP_SLOTS = 3;
export const PS_NAMES = ['ReadOnly', 'Admin', 'Ops'] as const;

/** Few names, shared by every slot, so renames often reuse a name another OU just gave up. */
export const OU_NAMES = ['Prod', 'Dev', 'Legacy', 'Shared', 'EU', 'Suspended'] as const;
/** SCP names; `deny-regions` / `deny-regions-legacy` make the rename-and-reuse case likely. */
export const SCP_NAMES = [
  'deny-s3',
  'deny-ec2',
  'deny-leave',
  'deny-regions',
  'deny-regions-legacy',
] as const;
/** Actions the SCP content variants deny. */
export const SCP_ACTIONS = ['s3:*', 'ec2:*', 'organizations:LeaveOrganization', 'iam:CreateUser'] as const;
export const TAG_VALUES = ['a', 'b'] as const;
export const TAG_KEYS = ['env', 'team'] as const;
/** Accounts ever declared (management and the foreign vendor account add two more). */
export const MAX_ACCOUNTS_EVER = 7;

export type Tags = Readonly<Record<string, string>>;

/** Where something sits: the root, or an OU slot. */
export type ParentRef = number | 'root';

export interface OuSpec {
  readonly name: string;
  readonly parent: ParentRef;
  readonly tags: Tags;
  /** Bit mask over the SCP slots attached directly. */
  readonly scps: number;
  /** FullAWSAccess kept next to the SCPs; without it (and with SCPs) the OU is an allow-list. */
  readonly fullAccess: boolean;
  /** Extra generated SCPs (`bulk-0` …) attached here, to reach AWS's per-target limit. */
  readonly bulk: number;
  readonly tagPolicy: boolean;
  readonly renamedFrom?: string;
}

export interface AccountSpec {
  readonly email: string;
  readonly name: string;
  readonly parent: ParentRef;
  readonly tags: Tags;
  readonly scps: number;
  readonly fullAccess: boolean;
  readonly close: boolean;
  /** Config names the account by id (as `orgops import` writes it) once its id is known. */
  readonly byId: boolean;
}

export interface ScpSpec {
  readonly name: string;
  /** Index into SCP_ACTIONS: what the policy denies. */
  readonly variant: number;
  readonly renamedFrom?: string;
}

export interface PermissionSetSpec {
  /** Index into SESSIONS. */
  readonly session: number;
  /** Bit mask over MANAGED_POLICIES. */
  readonly managed: number;
  readonly description?: string;
  readonly relayState?: string;
  readonly inline: boolean;
}

export const SESSIONS = ['PT1H', 'PT4H', 'PT12H'] as const;
export const MANAGED_POLICIES = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/ViewOnlyAccess',
  'arn:aws:iam::aws:policy/AdministratorAccess',
] as const;

export type AssignmentTargetSpec =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly slot: number }
  | { readonly kind: 'account'; readonly slot: number }
  | { readonly kind: 'tag'; readonly key: string; readonly value?: string };

export interface AssignmentSpec {
  /** Index into SEED_GROUPS. */
  readonly group: number;
  /** Index into PS_NAMES. */
  readonly ps: number;
  readonly target: AssignmentTargetSpec;
}

/** How `ignore` names the foreign resources (see `property-console.ts` for what exists). */
export interface IgnoreSpec {
  /** `/Control Tower` exactly, or as a prefix pattern. */
  readonly ous: 'none' | 'exact' | 'prefix';
  /** The vendor account (`Vendor@Example.com` live): lower-cased, as AWS shows it, a glob, or by id. */
  readonly accounts: 'none' | 'lower' | 'as-live' | 'glob' | 'id';
  /** `aws-guardrails-*`, or that plus `*AWS*` (which also matches FullAWSAccess). */
  readonly policies: 'none' | 'guardrails' | 'guardrails-and-aws';
  readonly permissionSets: boolean;
}

export interface World {
  readonly ous: readonly (OuSpec | null)[];
  readonly accounts: readonly (AccountSpec | null)[];
  readonly scps: readonly (ScpSpec | null)[];
  readonly rootScps: number;
  readonly rootFullAccess: boolean;
  readonly scpEnabled: boolean;
  readonly tagPolicyEnabled: boolean;
  /** Index into SCP_ACTIONS-like variants of the one tag policy. */
  readonly tagPolicyVariant: number;
  readonly permissionSets: readonly (PermissionSetSpec | null)[];
  readonly assignments: readonly AssignmentSpec[];
  readonly ignore: IgnoreSpec;
  /** Delegated administrator for GuardDuty: an account slot, the management account, or none. */
  readonly delegatedAdmin: number | 'management' | 'none';
  /** Accounts declared so far, each with a fresh email. */
  readonly accountsEver: number;
}

export const EMPTY_WORLD: World = {
  ous: Array.from({ length: OU_SLOTS }, () => null),
  accounts: Array.from({ length: ACCOUNT_SLOTS }, () => null),
  scps: Array.from({ length: SCP_SLOTS }, () => null),
  rootScps: 0,
  rootFullAccess: true,
  scpEnabled: true,
  tagPolicyEnabled: false,
  tagPolicyVariant: 0,
  permissionSets: PS_NAMES.map(() => null),
  assignments: [],
  ignore: { ous: 'none', accounts: 'none', policies: 'none', permissionSets: false },
  delegatedAdmin: 'none',
  accountsEver: 0,
};

/** The OU slot's parent, following only slots that exist. */
export function parentOf(world: World, ref: ParentRef): ParentRef {
  return ref !== 'root' && world.ous[ref] ? ref : 'root';
}

function depth(world: World, slot: number): number {
  let d = 0;
  for (let ref: ParentRef = slot; ref !== 'root'; ref = parentOf(world, world.ous[ref]!.parent)) {
    d++;
    if (d > OU_SLOTS + 1) return Number.POSITIVE_INFINITY;
  }
  return d;
}

/**
 * What every world keeps, so the config it builds passes validation except where a mutation means
 * to probe a refusal: parents exist and come before their children (no cycles, depth ≤ 5), sibling
 * OUs have different names, SCP names are unique.
 */
export function isWellFormed(world: World): boolean {
  const siblings = new Set<string>();
  for (const [slot, ou] of world.ous.entries()) {
    if (!ou) continue;
    if (ou.parent !== 'root' && (ou.parent >= slot || !world.ous[ou.parent])) return false;
    if (depth(world, slot) > 5) return false;
    const key = JSON.stringify([ou.parent, ou.name]);
    if (siblings.has(key)) return false;
    siblings.add(key);
  }
  for (const a of world.accounts) if (a && a.parent !== 'root' && !world.ous[a.parent]) return false;
  const scpNames = world.scps.flatMap((p) => (p ? [p.name] : []));
  return new Set(scpNames).size === scpNames.length;
}

/** Replaces one slot of a list. */
export function setSlot<T>(list: readonly T[], slot: number, value: T): T[] {
  return list.map((x, i) => (i === slot ? value : x));
}
