import type { IgnoreRules } from './ignore.ts';
import type { CustomerManagedPolicyReference } from './permission-set.ts';
import type { QuarantineEntry, ReleaseIntent } from './quarantine.ts';
import type { Site } from './site.ts';
import type { Tags } from './tags.ts';

/**
 * The normalized config: plain data keyed by natural keys, no object references. This is what
 * the engine plans from; validation rules read it alongside the raw config.
 */
export interface DesiredState {
  readonly policyTypes: readonly string[];
  readonly ous: readonly DesiredOu[];
  readonly accounts: readonly DesiredAccount[];
  readonly policies: readonly DesiredPolicy[];
  readonly attachments: readonly DesiredAttachment[];
  readonly permissionSets: readonly DesiredPermissionSet[];
  readonly assignments: readonly DesiredAssignment[];
  readonly trustedServices: readonly DesiredTrustedService[];
  readonly ignore: IgnoreRules;
  readonly disable: { readonly trustedServices: readonly string[]; readonly policyTypes: readonly string[] };
  /** Absent when the config names no quarantine OU: then nothing is held. */
  readonly quarantine?: DesiredQuarantine;
}

export interface DesiredQuarantine {
  /** Path of the quarantine OU, e.g. `/Suspended`. */
  readonly path: string;
  /** The guardrails `orgops quarantine` attaches there when they are missing. */
  readonly guardrails: readonly { readonly type: string; readonly name: string }[];
  readonly site?: Site;
}

/** A target of a policy attachment: `/` (root), an OU path, or `account:<email>`. */
export type TargetKey = string;

export interface DesiredOu {
  /** `/Workloads/Prod` */
  readonly path: string;
  readonly name: string;
  /** `/` for a top-level OU. */
  readonly parentPath: string;
  readonly tags: Tags;
  readonly renamedFrom?: string;
  readonly site?: Site;
}

export interface DesiredAccount {
  /** Natural key when no id is given. Lower-cased. */
  readonly email: string;
  readonly name: string;
  readonly id?: string;
  readonly parentPath: string;
  readonly tags: Tags;
  readonly management: boolean;
  readonly close?: { readonly reason: string };
  readonly quarantine?: QuarantineEntry;
  readonly release?: ReleaseIntent;
  readonly site?: Site;
}

export interface DesiredPolicy {
  readonly type: string;
  readonly name: string;
  readonly description: string;
  /** Minified (canonical) document text, exactly what is sent to AWS. */
  readonly content: string;
  readonly tags: Tags;
  readonly awsManaged?: { readonly id: string };
  readonly renamedFrom?: string;
  readonly site?: Site;
}

export interface DesiredAttachment {
  readonly policyType: string;
  readonly policyName: string;
  readonly target: TargetKey;
  /** Came from `defaultPolicies` rather than the target's own list. */
  readonly fromDefault: boolean;
  readonly site?: Site;
}

export interface DesiredPermissionSet {
  readonly name: string;
  readonly description?: string;
  /** Normal form, e.g. `PT1H`. */
  readonly sessionDuration: string;
  readonly relayState?: string;
  /** Canonical JSON text, or undefined when there is no inline policy. */
  readonly inlinePolicy?: string;
  /** Sorted. */
  readonly managedPolicies: readonly string[];
  /** Sorted by path+name, paths defaulted to `/`. */
  readonly customerManagedPolicies: readonly Required<CustomerManagedPolicyReference>[];
  readonly permissionsBoundary?:
    | { readonly managedPolicyArn: string }
    | { readonly customerManagedPolicy: Required<CustomerManagedPolicyReference> };
  readonly tags: Tags;
  readonly site?: Site;
}

/** An assignment rule, expanded to accounts by the engine at plan time. */
export interface DesiredAssignment {
  readonly principal: { readonly type: 'GROUP' | 'USER'; readonly name: string };
  readonly permissionSet: string;
  readonly targets: readonly DesiredAssignmentTarget[];
  /** Account emails to leave out. */
  readonly exclude: readonly string[];
  readonly site?: Site;
}

export type DesiredAssignmentTarget =
  | { readonly kind: 'account'; readonly email: string }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'tag'; readonly key: string; readonly value?: string };

export interface DesiredTrustedService {
  readonly principal: string;
  /** Email of the delegated administrator account. */
  readonly delegatedAdministrator?: string;
  readonly site?: Site;
}

export function accountTarget(email: string): TargetKey {
  return `account:${email.toLowerCase()}`;
}

export function isAccountTarget(target: TargetKey): boolean {
  return target.startsWith('account:');
}
