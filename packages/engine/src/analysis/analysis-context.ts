import { isOuPathWithin, joinOuPath, type Tags } from '@orgops/model';
import type { AccountRef, Change } from '../change.ts';
import type { ManagedPolicyDocuments } from './escalation.ts';
import type { ReviewDesired, ReviewPermissionSet, ReviewSnapshot } from './review-context.ts';
import {
  isProductionPath,
  isProductionTagged,
  isSecurityAccount,
  type Sensitivity,
} from './sensitive-accounts.ts';

/**
 * What every analysis step receives: the plan's changes and the two states it was made from, as
 * the full config and snapshot when planning, or as the review context a saved plan carries.
 */
export interface AnalysisInput {
  readonly changes: readonly Change[];
  readonly desired: ReviewDesired;
  readonly snapshot: ReviewSnapshot;
}

type DesiredAccount = ReviewDesired['accounts'][number];
type DesiredPermissionSet = ReviewDesired['permissionSets'][number];
type DesiredPolicy = ReviewDesired['policies'][number];
type SnapshotAccount = ReviewSnapshot['accounts'][number];
type SnapshotPolicy = ReviewSnapshot['policies'][number];

/** An account as the review shows it: the reference plus where it sits after the plan. */
export type PlacedAccount = AccountRef & { readonly ouPath: string };

/**
 * Lookups shared by the analysis steps. Desired state wins over the snapshot because the review
 * describes the organization as it will be after the plan (an account that moves is shown in its
 * new OU); the snapshot fills in what config does not mention.
 */
/** What an analyzer may be given beyond the plan: data the engine cannot hold itself. */
export interface AnalysisOptions {
  /**
   * AWS managed policy documents by ARN (the simulate package loads them), so escalation through
   * a managed policy is read as well as through an inline one.
   */
  readonly managedPolicyDocument?: ManagedPolicyDocuments;
}

export interface AnalysisContext extends AnalysisInput {
  readonly options: AnalysisOptions;
  /** OU path of every snapshot OU by id; the root is `/`. */
  readonly ouPathById: ReadonlyMap<string, string>;
  readonly snapshotAccountById: ReadonlyMap<string, SnapshotAccount>;
  place(ref: AccountRef): PlacedAccount;
  /** An account reference for a snapshot account id (names from config when it is there). */
  accountRefById(id: string): AccountRef;
  accountTags(ref: AccountRef): Tags;
  isProduction(account: PlacedAccount): boolean;
  /** The most sensitive class the account falls in: management, security, production, or none. */
  sensitivity(account: PlacedAccount): Sensitivity | undefined;
  principalName(type: 'GROUP' | 'USER', id: string): string;
  desiredPermissionSet(name: string): DesiredPermissionSet | undefined;
  snapshotPermissionSet(name: string): ReviewPermissionSet | undefined;
  /** Policy content as it will be after the plan, falling back to what AWS holds now. */
  policyContentAfter(type: string, name: string): string | undefined;
  snapshotPolicy(type: string, name: string): SnapshotPolicy | undefined;
  /** Accounts in config at or below an OU path (`/` = all), falling back to the snapshot. */
  accountsBelow(path: string): number;
}

export function buildContext(input: AnalysisInput, options: AnalysisOptions = {}): AnalysisContext {
  const { desired, snapshot, changes } = input;
  const ouById = new Map(snapshot.ous.map((ou) => [ou.id, ou]));
  const ouPathById = new Map<string, string>([[snapshot.root.id, '/']]);
  const resolve = (id: string, seen: Set<string>): string => {
    const known = ouPathById.get(id);
    if (known !== undefined) return known;
    const ou = ouById.get(id);
    // A broken parent chain is the reader's problem; show it rather than loop.
    if (!ou || seen.has(id)) return `/?${id}`;
    seen.add(id);
    const path = joinPath(resolve(ou.parentId, seen), ou.name);
    ouPathById.set(id, path);
    return path;
  };
  for (const ou of snapshot.ous) resolve(ou.id, new Set());

  const desiredByEmail = new Map(desired.accounts.map((a) => [a.email.toLowerCase(), a]));
  const desiredById = new Map<string, DesiredAccount>();
  for (const a of desired.accounts) if (a.id) desiredById.set(a.id, a);
  const snapshotAccountById = new Map(snapshot.accounts.map((a) => [a.id, a]));
  const snapshotAccountByEmail = new Map(snapshot.accounts.map((a) => [a.email.toLowerCase(), a]));

  const findDesired = (ref: AccountRef): DesiredAccount | undefined =>
    desiredByEmail.get(ref.email.toLowerCase()) ?? (ref.id ? desiredById.get(ref.id) : undefined);
  const findLive = (ref: AccountRef): SnapshotAccount | undefined =>
    (ref.id ? snapshotAccountById.get(ref.id) : undefined) ??
    snapshotAccountByEmail.get(ref.email.toLowerCase());

  const accountRefById = (id: string): AccountRef => {
    const live = snapshotAccountById.get(id);
    const wanted = desiredById.get(id) ?? (live ? desiredByEmail.get(live.email.toLowerCase()) : undefined);
    return { email: wanted?.email ?? live?.email ?? '', id, name: wanted?.name ?? live?.name ?? id };
  };

  // Accounts created by this plan may be missing from a partial desired state; show them as planned.
  const createdParent = new Map<string, string>();
  for (const c of changes)
    if (c.kind === 'account-create') createdParent.set(c.email.toLowerCase(), c.parentPath);

  const place = (ref: AccountRef): PlacedAccount => {
    const wanted = findDesired(ref);
    const live = findLive(ref);
    const ouPath =
      wanted?.parentPath ??
      createdParent.get(ref.email.toLowerCase()) ??
      (live ? (ouPathById.get(live.parentId) ?? UNKNOWN_OU) : UNKNOWN_OU);
    return { ...ref, ouPath };
  };

  const accountTags = (ref: AccountRef): Tags => findDesired(ref)?.tags ?? findLive(ref)?.tags ?? {};

  const principals = snapshot.identityCenter?.principals ?? [];
  const principalName = (type: 'GROUP' | 'USER', id: string): string =>
    principals.find((p) => p.type === type && p.id === id)?.name ?? id;

  const desiredPolicy = (type: string, name: string): DesiredPolicy | undefined =>
    desired.policies.find((p) => p.type === type && p.name === name);
  const snapshotPolicy = (type: string, name: string): SnapshotPolicy | undefined =>
    snapshot.policies.find((p) => p.type === type && p.name === name);

  return {
    ...input,
    options,
    ouPathById,
    snapshotAccountById,
    place,
    accountRefById,
    accountTags,
    isProduction: (account) => isProductionPath(account.ouPath) || isProductionTagged(accountTags(account)),
    sensitivity: (account) => {
      const wanted = findDesired(account);
      if (wanted?.management) return 'management';
      const tags = accountTags(account);
      if (isSecurityAccount({ name: wanted?.name ?? account.name, ouPath: account.ouPath }, tags))
        return 'security';
      if (isProductionPath(account.ouPath) || isProductionTagged(tags)) return 'production';
      return undefined;
    },
    principalName,
    desiredPermissionSet: (name) => desired.permissionSets.find((ps) => ps.name === name),
    snapshotPermissionSet: (name) => snapshot.identityCenter?.permissionSets.find((ps) => ps.name === name),
    policyContentAfter: (type, name) => {
      const created = changes.find(
        (c) => c.kind === 'policy-create' && c.policyType === type && c.name === name,
      );
      if (created?.kind === 'policy-create') return created.content;
      const wanted = desiredPolicy(type, name)?.content;
      if (wanted) return wanted;
      return snapshotPolicy(type, name)?.content || undefined;
    },
    snapshotPolicy,
    accountsBelow: (path) => {
      const inConfig = desired.accounts.filter((a) => isWithin(a.parentPath, path) && !a.close).length;
      if (inConfig > 0 || desired.ous.some((ou) => ou.path === path)) return inConfig;
      return snapshot.accounts.filter((a) => isWithin(ouPathById.get(a.parentId) ?? '/', path)).length;
    },
  };
}

/** Shown for an account neither config nor the snapshot places; the planner rejects those, so rare. */
export const UNKNOWN_OU = '(unknown OU)';

/** Path of the OU named `name` under `parent`, escaped as config paths are (see `ou-path.ts`). */
export const joinPath = joinOuPath;

/** True when `path` is `ancestor` or lies below it (`/` contains everything). */
export const isWithin = isOuPathWithin;

export { isProductionPath, isProductionTagged } from './sensitive-accounts.ts';

/** `name (id)` when the account exists, `name (email)` while it is still to be created. */
export function accountLabel(ref: AccountRef): string {
  return `${ref.name} (${ref.id ?? ref.email})`;
}
