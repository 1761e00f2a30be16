import type { OrganizationalUnit } from './organization-unit.ts';
import type { OrganizationPolicy } from './policy.ts';
import { captureSite, type Site } from './site.ts';

/**
 * Where compromised accounts are contained, and with what. `orgops quarantine` moves an account
 * into `organizationalUnit`, attaches the `guardrails` there if they are missing, and tags the
 * account with who, when and why; the planner then never moves it out again unless the account
 * says `release` (the one-way door, `quarantine-door.ts`).
 */
export interface QuarantineConfig {
  readonly kind: 'quarantine';
  /** The quarantine OU, e.g. `Suspended`. It must be listed in `organizationalUnits`. */
  readonly organizationalUnit: OrganizationalUnit;
  /**
   * The policies that contain an account there: at least one SCP (nobody inside acts), ideally an
   * RCP (nobody outside reaches in). They must also be in the OU's own `policies`, so a plan
   * never detaches what the command attached.
   */
  readonly guardrails: readonly OrganizationPolicy[];
  /**
   * Incident-response playbooks: `orgops quarantine --playbook ID` prints the steps that follow
   * the playbook's quarantine step. Structural, so any playbook type with these fields fits.
   */
  readonly playbooks?: readonly QuarantineRunbook[];
  readonly site?: Site;
}

export type QuarantineOptions = Omit<QuarantineConfig, 'kind' | 'site'>;

/** The shape of a playbook `orgops quarantine` can print next steps from. */
export interface QuarantineRunbook {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly RunbookStep[];
}

export interface RunbookStep {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly why?: string;
  /** Set on a step that runs an orgops command, e.g. `quarantine`. */
  readonly command?: string;
}

/** The `command` of the playbook step that `orgops quarantine` carries out. */
export const QUARANTINE_COMMAND = 'quarantine';

/**
 * An account's recorded quarantine, written by `orgops quarantine` into its config entry so the
 * pull request that follows changes nothing in AWS. Written by hand, it quarantines the account
 * through review: the plan moves it into the quarantine OU and tags it.
 */
export interface QuarantineEntry {
  /** Why, in words (the tag carries a sanitized copy: AWS restricts tag characters). */
  readonly reason: string;
  /** When, ISO 8601 (the `orgops:quarantined-at` tag). */
  readonly at?: string;
  /** Who: the caller's ARN (the `orgops:quarantined-by` tag). */
  readonly by?: string;
}

/**
 * Explicit intent to let an account out of quarantine. It names the quarantine it ends by its
 * time (`orgops:quarantined-at`), so a release left in config never reopens a later quarantine.
 */
export interface ReleaseIntent {
  readonly reason: string;
  /** The `orgops:quarantined-at` tag of the quarantine this release ends; omit only when it has none. */
  readonly quarantinedAt?: string;
}

/**
 * The quarantine zone of the organization.
 *
 * @example
 * quarantine: defineQuarantine({ organizationalUnit: suspended, guardrails: [denyAll, denyAllResourceAccess], playbooks }),
 */
export function defineQuarantine(options: QuarantineOptions): QuarantineConfig {
  return { kind: 'quarantine', ...options, site: captureSite() };
}
