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

/**
 * Any ISO-8601 duration AWS's `Duration` pattern accepts (`PT1H`, `PT90M`, `PT1H30M`, `PT3600S`,
 * `P1D`, `P1W`, `-PT1H` …) in seconds; `undefined` when the text is not a duration at all. Years
 * and months have no fixed length; they count as 365 and 30 days, which is only ever used to say
 * how far outside the allowed range they are.
 */
export function sessionSeconds(duration: string): number | undefined {
  const match =
    /^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      duration,
    );
  if (!match) return undefined;
  const [, sign, years, months, days, dayUnit, hours, minutes, seconds] = match;
  const n = (v: string | undefined) => Number(v ?? 0);
  const total =
    n(years) * 365 * 86_400 +
    n(months) * 30 * 86_400 +
    n(days) * (dayUnit === 'W' ? 7 : 1) * 86_400 +
    n(hours) * 3600 +
    n(minutes) * 60 +
    n(seconds);
  return sign === '-' ? -total : total;
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
