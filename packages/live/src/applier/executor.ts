import type { Change, ChangeKind } from '@orgops/engine';
import type { KeyedQueue, Limiter } from '../concurrency.ts';
import type { ApplyContext } from './apply-context.ts';

/** Result of one executed change: a note for the user when something was left out. */
export interface Executed {
  readonly note?: string;
  readonly skipped?: boolean;
}

/** Shared gates for Identity Center work within one apply (`IDENTITY_CENTER_GATES`). */
export interface IdentityCenterGates {
  /** ProvisionPermissionSet calls in progress (AWS allows 3). */
  readonly provisioning: Limiter;
  /** Outstanding assignment create/delete requests (AWS allows 15). */
  readonly assignments: Limiter;
  /** One IAM role update at a time per account. */
  readonly perAccount: KeyedQueue;
}

/** Carries out one change of kind `K`. */
export type Executor<K extends ChangeKind> = (
  ctx: ApplyContext,
  change: Extract<Change, { kind: K }>,
  gates: IdentityCenterGates,
) => Promise<Executed>;

/** One executor per kind in `kinds`: a kind left out does not compile. */
export type Executors<Kinds extends ChangeKind> = { readonly [K in Kinds]: Executor<K> };

/** The change kinds Identity Center (sso-admin) carries out; every other kind is Organizations'. */
export type IdentityCenterKind =
  | 'permission-set-create'
  | 'permission-set-update'
  | 'permission-set-delete'
  | 'permission-set-provision'
  | 'assignment';

export type OrganizationsKind = Exclude<ChangeKind, IdentityCenterKind>;
