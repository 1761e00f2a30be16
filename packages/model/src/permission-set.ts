import type { IdentityPolicyDocument } from './policy-document.ts';
import { captureSite, type Site } from './site.ts';
import type { Tags } from './tags.ts';

/** A reference to a customer-managed IAM policy that must exist in every target account. */
export interface CustomerManagedPolicyReference {
  readonly name: string;
  /** Defaults to `/`. */
  readonly path?: string;
}

export type PermissionsBoundary =
  | { readonly managedPolicyArn: string }
  | { readonly customerManagedPolicy: CustomerManagedPolicyReference };

/** An IAM Identity Center permission set: becomes an IAM role in every account it is assigned in. */
export interface PermissionSet {
  readonly kind: 'permission-set';
  /** Natural key: 1–32 characters of `[\w+=,.@-]`. AWS cannot rename a permission set. */
  readonly name: string;
  readonly description?: string;
  /** ISO-8601 duration between `PT1H` and `PT12H`. Defaults to `PT1H`. */
  readonly sessionDuration?: string;
  /** URL the console opens after sign-in. */
  readonly relayState?: string;
  readonly inlinePolicy?: IdentityPolicyDocument;
  /** AWS-managed policy ARNs, e.g. `arn:aws:iam::aws:policy/ReadOnlyAccess`. */
  readonly managedPolicies?: readonly string[];
  readonly customerManagedPolicies?: readonly CustomerManagedPolicyReference[];
  readonly permissionsBoundary?: PermissionsBoundary;
  readonly tags?: Tags;
  readonly site?: Site;
}

export type PermissionSetOptions = Omit<PermissionSet, 'kind' | 'site'>;

/**
 * A permission set.
 *
 * @example
 * export const readOnly = permissionSet({
 *   name: 'ReadOnly',
 *   description: 'Read-only access to every service',
 *   sessionDuration: 'PT4H',
 *   managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
 * });
 */
export function permissionSet(options: PermissionSetOptions): PermissionSet {
  return { kind: 'permission-set', ...options, site: captureSite() };
}

export const DEFAULT_SESSION_DURATION = 'PT1H';

/** Parses `PT1H`, `PT90M`, `PT1H30M`, `PT3600S` into seconds; `undefined` when malformed. */
export function sessionSeconds(duration: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!match || duration === 'PT') return undefined;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** Normal form of a session duration, so `PT60M` and `PT1H` compare equal. */
export function normalizeSessionDuration(duration: string | undefined): string {
  const seconds = sessionSeconds(duration ?? DEFAULT_SESSION_DURATION);
  if (seconds === undefined) return duration ?? DEFAULT_SESSION_DURATION;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}` || 'PT0S';
}
