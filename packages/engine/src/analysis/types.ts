import type { AccountRef, PrincipalRef } from '../change.ts';

/**
 * The review view of a plan: who gains or loses what, where; which guardrails change on which
 * targets; and the risks a security reviewer should look at first. Computed by the engine when
 * planning and stored in the plan, so every view renders the same facts.
 */
export interface PlanAnalysis {
  readonly access: readonly AccessChange[];
  readonly guardrails: readonly GuardrailChange[];
  readonly risks: readonly Risk[];
}

/** A principal gaining, losing, or having changed a permission set in a set of accounts. */
export interface AccessChange {
  readonly effect: 'gains' | 'loses' | 'changed';
  readonly principal: PrincipalRef;
  readonly permissionSet: string;
  readonly accounts: readonly (AccountRef & { readonly ouPath: string })[];
  /** For `changed`: what changed in the permission set, in words. */
  readonly details?: readonly string[];
  /** Short summary of what the permission set grants, e.g. "AdministratorAccess, 1h sessions". */
  readonly grants?: string;
  /** Addresses of the changes behind the row (assignments, or the permission-set update). */
  readonly addresses?: readonly string[];
  /**
   * What becomes possible, simulated with each account's guardrails: "change IAM in 10 accounts".
   * Only when the review was computed with a simulator (the CLI does).
   */
  readonly possible?: readonly string[];
}

/** Guardrail changes grouped by target (root, OU or account). */
export interface GuardrailChange {
  /** `/`, an OU path, or an account label `name (id)`. */
  readonly target: string;
  readonly targetKind: 'root' | 'ou' | 'account';
  /** Number of accounts whose effective guardrails change. */
  readonly accountsAffected: number;
  readonly items: readonly {
    readonly effect: 'added' | 'removed' | 'changed';
    readonly policyType: string;
    readonly policyName: string;
    readonly summary?: string;
    /** Addresses of the changes behind the item (attachment, detachment or policy update). */
    readonly addresses?: readonly string[];
    /**
     * Who gains or loses which actions where, simulated for the permission sets held below the
     * target: "PlatformAdmin (group platform-admins) can now cloudtrail:StopLogging in 9 accounts".
     */
    readonly effects?: readonly string[];
  }[];
}

export interface Risk {
  readonly level: 'high' | 'medium' | 'low';
  /** Stable id, e.g. `admin-in-production`. */
  readonly code: string;
  readonly message: string;
  /** Addresses of the changes behind the risk. */
  readonly addresses: readonly string[];
}
