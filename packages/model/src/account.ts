import type { Parent } from './organization-unit.ts';
import type { OrganizationPolicy } from './policy.ts';
import type { QuarantineEntry, ReleaseIntent } from './quarantine.ts';
import { captureSite, type Site } from './site.ts';
import type { Tags } from './tags.ts';

/**
 * A member account (or the management account). Matched to the live organization by `id` when it
 * is given, otherwise by `email`.
 */
export interface Account {
  readonly kind: 'account';
  /** 1–50 printable ASCII characters. */
  readonly name: string;
  /** Root user email: 6–64 characters, unique across AWS. */
  readonly email: string;
  /** The 12-digit account id, for accounts that already exist. */
  readonly id?: string;
  readonly parent: Parent;
  readonly tags?: Tags;
  readonly policies: readonly OrganizationPolicy[];
  /** The management account is matched by role, never created, moved into place only. */
  readonly management?: boolean;
  /**
   * Explicit intent to close the account. Removing an account from config never closes it: the
   * plan refuses until the account is either back in config, ignored, or marked here.
   */
  readonly close?: { readonly reason: string };
  /**
   * The account's recorded quarantine (`orgops quarantine` writes it). While it is in the
   * quarantine OU, no plan moves it out, whatever `parent` says.
   */
  readonly quarantine?: QuarantineEntry;
  /** Explicit intent to move it out of quarantine, to `parent`: a high risk in the review. */
  readonly release?: ReleaseIntent;
  readonly site?: Site;
}

export interface AccountOptions {
  readonly name: string;
  readonly email: string;
  readonly id?: string;
  readonly parent: Parent;
  readonly tags?: Tags;
  readonly policies?: readonly OrganizationPolicy[];
  readonly close?: { readonly reason: string };
  readonly quarantine?: QuarantineEntry;
  readonly release?: ReleaseIntent;
}

/**
 * A member account.
 *
 * @example
 * export const logArchive = account({ name: 'log-archive', email: 'aws+log-archive@example.com', parent: security });
 */
export function account(options: AccountOptions): Account {
  return { kind: 'account', ...options, policies: options.policies ?? [], site: captureSite() };
}

/**
 * The organization's management account. SCPs never apply to it, so keep workloads out of it.
 *
 * @example
 * export const management = managementAccount({ name: 'management', email: 'aws+management@example.com', parent: root });
 */
export function managementAccount(
  options: Omit<AccountOptions, 'close' | 'policies' | 'quarantine' | 'release'>,
): Account {
  return { kind: 'account', ...options, policies: [], management: true, site: captureSite() };
}
