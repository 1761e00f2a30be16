import type { Account } from './account.ts';
import type { Assignment } from './assignment.ts';
import type { IgnoreRules } from './ignore.ts';
import type { ProtectedRole, Waiver } from './lint-config.ts';
import type { OrganizationalUnit, Root } from './organization-unit.ts';
import type { PermissionSet } from './permission-set.ts';
import type { OrganizationPolicy, PolicyType } from './policy.ts';
import type { QuarantineConfig } from './quarantine.ts';
import type { TrustedService } from './services.ts';

/** The whole organization as config: what `accounts/` exports as its default. */
export interface OrganizationConfig {
  readonly kind: 'organization';
  /** Policy types enabled on the root. SCPs are required for guardrails. */
  readonly policyTypes: readonly PolicyType[];
  readonly root: Root;
  readonly organizationalUnits: readonly OrganizationalUnit[];
  readonly accounts: readonly Account[];
  /** Policies to manage even when attached nowhere (attached ones are collected from targets). */
  readonly policies?: readonly OrganizationPolicy[];
  /**
   * Policies attached to every target that declares none of that type, e.g.
   * `{ SERVICE_CONTROL_POLICY: [FullAWSAccess] }`. Without it, a target with no SCP is an error,
   * because AWS refuses to leave a target with none.
   */
  readonly defaultPolicies?: Readonly<Record<string, readonly OrganizationPolicy[]>>;
  readonly permissionSets?: readonly PermissionSet[];
  readonly assignments?: readonly Assignment[];
  readonly trustedServices?: readonly TrustedService[];
  readonly ignore?: IgnoreRules;
  /** The quarantine OU and its guardrails, for `orgops quarantine` and the planner's one-way door. */
  readonly quarantine?: QuarantineConfig;
  /**
   * Explicit intent for destructive organization-level changes. Removing a service from
   * `trustedServices` alone never disables it; list it here as well.
   */
  readonly disable?: {
    readonly trustedServices?: readonly string[];
    readonly policyTypes?: readonly PolicyType[];
  };
  /**
   * The organization's baseline guardrails: policies that must be in force (attached at the root,
   * an OU above, or the account itself) for every OU and account. `orgops lint` reports a target
   * missing one (`baseline-guardrail-missing`). SCPs and RCPs do not bind the management account,
   * so it is not checked for those types.
   *
   * @example
   * baseline: [noRootUser, protectSecurityServices, denyLeaveOrganization, secureTransport],
   */
  readonly baseline?: readonly OrganizationPolicy[];
  /** Roles the guardrails must never lock out, proved by simulation in `orgops lint`. */
  readonly protectedRoles?: readonly ProtectedRole[];
  /** Lint findings accepted on purpose, each with its reason (see `waive`). */
  readonly waivers?: readonly Waiver[];
}

export type OrganizationOptions = Omit<OrganizationConfig, 'kind'>;

/**
 * Declares the organization. The `accounts` workspace package exports this as its default.
 *
 * @example
 * export default defineOrganization({
 *   policyTypes: ['SERVICE_CONTROL_POLICY'],
 *   root,
 *   organizationalUnits: [security, workloads],
 *   accounts: [management, logArchive],
 *   defaultPolicies: { SERVICE_CONTROL_POLICY: [FullAWSAccess] },
 * });
 */
export function defineOrganization(options: OrganizationOptions): OrganizationConfig {
  return { kind: 'organization', ...options };
}
