import type { Tags } from '@orgops/model';
import type { PermissionSetFields } from './snapshot.ts';

/**
 * The closed set of changes a plan can contain. Each change names its resource by natural key
 * (OU path, account email, policy type+name, permission set name, assignment triple); the applier
 * resolves ids from a fresh read and from what earlier changes created.
 */
export type Change =
  | PolicyTypeChange
  | TrustedServiceChange
  | DelegatedAdminChange
  | OuCreate
  | OuUpdate
  | OuDelete
  | AccountCreate
  | AccountMove
  | AccountTag
  | AccountClose
  | PolicyCreate
  | PolicyUpdate
  | PolicyDelete
  | PolicyAttachment
  | PermissionSetCreate
  | PermissionSetUpdate
  | PermissionSetDelete
  | PermissionSetProvision
  | AssignmentChange;

export type ChangeKind = Change['kind'];

/** Symbols in the terminal view. */
export type Action =
  | 'create'
  | 'update'
  | 'delete'
  | 'move'
  | 'attach'
  | 'detach'
  | 'provision'
  | 'enable'
  | 'disable'
  | 'register'
  | 'deregister'
  | 'close'
  | 'tag';

interface Base {
  /** Stable address, e.g. `ou/Workloads/Prod`; also the key of the observed-object digest. */
  readonly address: string;
  readonly action: Action;
  /** Why the change is there when it is not obvious, e.g. "re-provision after update". */
  readonly reason?: string;
  /** A hint when the change looks like a rename of another resource. */
  readonly hint?: string;
}

export interface PolicyTypeChange extends Base {
  readonly kind: 'policy-type';
  readonly action: 'enable' | 'disable';
  readonly policyType: string;
}

export interface TrustedServiceChange extends Base {
  readonly kind: 'trusted-service';
  readonly action: 'enable' | 'disable';
  readonly servicePrincipal: string;
}

export interface DelegatedAdminChange extends Base {
  readonly kind: 'delegated-admin';
  readonly action: 'register' | 'deregister';
  readonly servicePrincipal: string;
  /** Account email (register, or deregister of a known account) or id. */
  readonly account: AccountRef;
}

/** An account reference: by email (always known for accounts in config) and id when it exists. */
export interface AccountRef {
  readonly email: string;
  readonly id?: string;
  readonly name: string;
}

export interface OuCreate extends Base {
  readonly kind: 'ou-create';
  readonly action: 'create';
  readonly path: string;
  readonly name: string;
  readonly parentPath: string;
  readonly tags: Tags;
}

export interface OuUpdate extends Base {
  readonly kind: 'ou-update';
  readonly action: 'update';
  /** Path the OU has now (before the rename). */
  readonly path: string;
  readonly rename?: { readonly from: string; readonly to: string };
  readonly tags?: TagDiff;
}

export interface OuDelete extends Base {
  readonly kind: 'ou-delete';
  readonly action: 'delete';
  readonly path: string;
  readonly id: string;
}

export interface AccountCreate extends Base {
  readonly kind: 'account-create';
  readonly action: 'create';
  readonly email: string;
  readonly name: string;
  readonly parentPath: string;
  readonly tags: Tags;
}

export interface AccountMove extends Base {
  readonly kind: 'account-move';
  readonly action: 'move';
  readonly account: AccountRef;
  readonly fromPath: string;
  readonly toPath: string;
  /** Set when the move goes through the quarantine door: into quarantine, or out by release. */
  readonly quarantine?: QuarantineMove;
}

/**
 * A move into the quarantine OU because config records a quarantine, or out of it because config
 * releases that quarantine. `reason` is the entry's or the release's; `heldFor` the reason the
 * account was quarantined for, from its tag.
 */
export interface QuarantineMove {
  readonly direction: 'enter' | 'release';
  readonly reason: string;
  readonly heldFor?: string;
  readonly quarantinedAt?: string;
}

export interface AccountTag extends Base {
  readonly kind: 'account-tag';
  readonly action: 'tag';
  readonly account: AccountRef;
  readonly tags: TagDiff;
}

export interface AccountClose extends Base {
  readonly kind: 'account-close';
  readonly action: 'close';
  readonly account: AccountRef;
  readonly closeReason: string;
}

export interface TagDiff {
  readonly set: Tags;
  readonly remove: readonly string[];
  readonly before: Tags;
}

export interface PolicyCreate extends Base {
  readonly kind: 'policy-create';
  readonly action: 'create';
  readonly policyType: string;
  readonly name: string;
  readonly description: string;
  readonly content: string;
  readonly tags: Tags;
}

export interface PolicyUpdate extends Base {
  readonly kind: 'policy-update';
  readonly action: 'update';
  readonly policyType: string;
  /** Current name (before a rename). */
  readonly name: string;
  readonly id: string;
  readonly rename?: { readonly from: string; readonly to: string };
  readonly description?: { readonly before: string; readonly after: string };
  readonly content?: { readonly before: string; readonly after: string };
  readonly tags?: TagDiff;
}

export interface PolicyDelete extends Base {
  readonly kind: 'policy-delete';
  readonly action: 'delete';
  readonly policyType: string;
  readonly name: string;
  readonly id: string;
  readonly content: string;
}

/** A target of an attachment: the root, an OU by path or an account. */
export type TargetRef =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'account'; readonly account: AccountRef };

export interface PolicyAttachment extends Base {
  readonly kind: 'policy-attachment';
  readonly action: 'attach' | 'detach';
  readonly policyType: string;
  readonly policyName: string;
  readonly target: TargetRef;
}

export interface PermissionSetCreate extends Base {
  readonly kind: 'permission-set-create';
  readonly action: 'create';
  readonly name: string;
  readonly after: PermissionSetFields;
}

/** Only the fields that differ are set in `before`/`after`. */
export interface PermissionSetUpdate extends Base {
  readonly kind: 'permission-set-update';
  readonly action: 'update';
  readonly name: string;
  readonly arn: string;
  readonly before: Partial<PermissionSetFields>;
  readonly after: Partial<PermissionSetFields>;
}

export interface PermissionSetDelete extends Base {
  readonly kind: 'permission-set-delete';
  readonly action: 'delete';
  readonly name: string;
  readonly arn: string;
}

export interface PermissionSetProvision extends Base {
  readonly kind: 'permission-set-provision';
  readonly action: 'provision';
  readonly name: string;
  /** Accounts where the role must be brought up to date (suspended accounts already left out). */
  readonly accounts: readonly AccountRef[];
}

export interface PrincipalRef {
  readonly type: 'GROUP' | 'USER';
  readonly name: string;
  /** Resolved identity-store id; absent only when the name is unknown (which fails the plan). */
  readonly id?: string;
}

export interface AssignmentChange extends Base {
  readonly kind: 'assignment';
  readonly action: 'create' | 'delete';
  readonly principal: PrincipalRef;
  readonly permissionSet: string;
  readonly account: AccountRef;
}
