import type { Account } from './account.ts';
import type { Assignment } from './assignment.ts';
import type { OrganizationalUnit, Root } from './organization-unit.ts';
import type { PermissionSet } from './permission-set.ts';
import type { OrganizationPolicy } from './policy.ts';
import { captureSite, type Site } from './site.ts';

/**
 * A request a protected role must always be allowed by the guardrails. A string is an action in
 * the default Region (`us-east-1`) on an example resource of the action's type in the account.
 */
export type ProtectedRequest =
  | string
  | {
      /** `service:Action`, one action, no wildcard: it is simulated. */
      readonly action: string;
      /** One resource ARN, when a guardrail depends on the resource. */
      readonly resource?: string;
      /** `aws:RequestedRegion`, e.g. a Region outside the allow-list. */
      readonly region?: string;
    };

/**
 * A role the guardrails must never lock out, such as break-glass or the pipeline's roles.
 * `orgops lint` (rule `guardrail-lockout`) simulates every `mustAllow` request as this role in
 * every account it lives in, against that account's SCPs and RCPs, and reports any request a
 * guardrail denies, naming the statement. Only guardrails are judged: the role is simulated with
 * an identity policy that allows everything.
 */
export interface ProtectedRole {
  readonly kind: 'protected-role';
  /** Role path and name as after `role/` in its ARN: `break-glass`, `ops/orgops-apply`. */
  readonly name: string;
  /**
   * Where the role lives: every member account, the management account (where no SCP or RCP
   * applies, so it cannot be locked out there), or the accounts listed.
   */
  readonly in: 'member-accounts' | 'management-account' | readonly Account[];
  /** What the role must still be able to do in each of those accounts. */
  readonly mustAllow: readonly ProtectedRequest[];
  /**
   * Principals of the management account must still be able to assume the role
   * (`sts:AssumeRole` on it, which the accounts' RCPs could deny).
   */
  readonly assumedFromManagement?: boolean;
  readonly site?: Site;
}

export type ProtectedRoleOptions = Omit<ProtectedRole, 'kind' | 'name' | 'site'>;

/**
 * Declares a role the guardrails must never lock out.
 *
 * @example
 * export const breakGlass = protectedRole('break-glass', {
 *   in: 'member-accounts',
 *   assumedFromManagement: true,
 *   mustAllow: ['cloudtrail:StopLogging', { action: 'ec2:RunInstances', region: 'ap-south-1' }],
 * });
 */
export function protectedRole(name: string, options: ProtectedRoleOptions): ProtectedRole {
  return { kind: 'protected-role', name, ...options, site: captureSite() };
}

/** What a waiver can name: the config object a lint finding is about. */
export type WaiverTarget =
  | OrganizationPolicy
  | PermissionSet
  | Assignment
  | Account
  | OrganizationalUnit
  | Root
  | ProtectedRole;

/** A lint finding accepted on purpose, with the reason recorded in config and shown in review. */
export interface Waiver {
  readonly kind: 'waiver';
  /** The lint rule id, e.g. `admin-in-sensitive-account`. */
  readonly rule: string;
  readonly target: WaiverTarget;
  /** Why the finding is accepted: shown in the review next to the finding. */
  readonly reason: string;
  readonly site?: Site;
}

/**
 * Waives one lint rule for one config object. The finding is still shown, as waived with its
 * reason; a waiver that matches no finding is itself a finding (`waiver-unused`).
 *
 * @example
 * waive('admin-in-sensitive-account', platformAdminsEverywhere, {
 *   reason: 'Platform on-call repairs production; 1-hour sessions, alarmed (SEC-142).',
 * });
 */
export function waive(rule: string, target: WaiverTarget, options: { readonly reason: string }): Waiver {
  return { kind: 'waiver', rule, target, reason: options.reason, site: captureSite() };
}
