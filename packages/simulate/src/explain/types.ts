import type { StatementWords } from '@orgops/engine';

/** One statement, read: the sentence and its parts (denied actions, exempt principals, Regions). */
export interface StatementExplanation {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** `Deny cloudtrail:StopLogging (exempt: arn:aws:iam::*:role/break-glass)`. */
  readonly sentence: string;
  readonly words: StatementWords;
}

export interface PolicyExplanation {
  readonly type: string;
  /** `SCP`, `RCP`, `tag policy`… */
  readonly typeLabel: string;
  readonly name: string;
  /** One line for the policy (the review's guardrail summary). */
  readonly summary: string;
  /** For SCPs, RCPs and identity policies; empty for other types. */
  readonly statements: readonly StatementExplanation[];
}

/** One level of an account's path, root first, and what is attached there. */
export interface LevelExplanation {
  /** `root`, `/Workloads/Prod`, `account payments-prod`. */
  readonly label: string;
  /** `/`, an OU path, or `account:<email>`. */
  readonly target: string;
  readonly serviceControlPolicies: readonly PolicyExplanation[];
  readonly resourceControlPolicies: readonly PolicyExplanation[];
  /** Tag, backup, AI opt-out and other management policies attached here. */
  readonly otherPolicies: readonly PolicyExplanation[];
}

export interface PrincipalRefWords {
  readonly type: 'GROUP' | 'USER';
  readonly name: string;
}

export interface AccountAccess {
  readonly principal: PrincipalRefWords;
  readonly permissionSet: string;
  /** `AdministratorAccess, 1h sessions`. */
  readonly grants: string;
  readonly level?: 'admin' | 'power-user';
}

export interface AccountExplanation {
  readonly kind: 'account';
  readonly account: {
    readonly name: string;
    readonly email: string;
    /** The account id; absent for an account config names without one and AWS does not have yet. */
    readonly id?: string;
    readonly ouPath: string;
    readonly tags: Readonly<Record<string, string>>;
  };
  /** No SCP or RCP applies in the management account, whatever is attached on its path. */
  readonly management: boolean;
  readonly levels: readonly LevelExplanation[];
  /** Regions every Region rule on the path allows, when any rule names Regions. */
  readonly allowedRegions?: readonly string[];
  /** Who is exempt from at least one Deny on the path, and from how many of them. */
  readonly exemptions: readonly { readonly principal: string; readonly denies: number }[];
  readonly access: readonly AccountAccess[];
}

export interface EscalationExplanation {
  readonly path: string;
  readonly words: string;
  readonly source: string;
  readonly grantedBy: string;
  readonly managementOnly: boolean;
}

export interface PermissionSetExplanation {
  readonly kind: 'permission-set';
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly grants: string;
  readonly level?: 'admin' | 'power-user';
  readonly managedPolicies: readonly string[];
  readonly customerManagedPolicies: readonly string[];
  readonly permissionsBoundary?: string;
  readonly inlinePolicy?: PolicyExplanation;
  /** Paths to admin it opens (AWS managed documents read from the catalogue). */
  readonly escalation: readonly EscalationExplanation[];
  /** AWS managed policies the catalogue does not know: their grants were not read. */
  readonly unread: readonly string[];
  readonly reach: readonly {
    readonly principal: PrincipalRefWords;
    readonly accounts: readonly AccountPlace[];
  }[];
}

export interface AccountPlace {
  readonly name: string;
  readonly id?: string;
  readonly ouPath: string;
}

export interface PrincipalExplanation {
  readonly kind: 'principal';
  readonly principal: PrincipalRefWords;
  readonly access: readonly {
    readonly permissionSet: string;
    readonly grants: string;
    readonly level?: 'admin' | 'power-user';
    readonly accounts: readonly AccountPlace[];
  }[];
}

export type Explanation = AccountExplanation | PermissionSetExplanation | PrincipalExplanation;
