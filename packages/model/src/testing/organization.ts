import { type Account, managementAccount } from '../account.ts';
import { defineOrganization, type OrganizationConfig, type OrganizationOptions } from '../organization.ts';
import type { Root } from '../organization-unit.ts';
import { type PermissionSet, type PermissionSetOptions, permissionSet } from '../permission-set.ts';
import { FullAWSAccess, SCP } from '../policy.ts';

export const MANAGEMENT_EMAIL = 'aws-management@example.com';
export const READ_ONLY_ACCESS = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

/** The management account most test organizations have, directly under `root`. */
export function managementIn(root: Root): Account {
  return managementAccount({ name: 'management', email: MANAGEMENT_EMAIL, parent: root });
}

/** The `ReadOnly` permission set (AWS's ReadOnlyAccess), with any option replaced. */
export function readOnlyPermissionSet(options: Partial<PermissionSetOptions> = {}): PermissionSet {
  return permissionSet({ name: 'ReadOnly', managedPolicies: [READ_ONLY_ACCESS], ...options });
}

/** The options an organization with only SCPs enabled gets unless a test says otherwise. */
export type TestOrganizationOptions = Omit<OrganizationOptions, 'policyTypes'> &
  Partial<Pick<OrganizationOptions, 'policyTypes'>>;

/**
 * An organization with SCPs enabled and FullAWSAccess on every new target, the shape of nearly
 * every test organization; any option given replaces the default.
 */
export function testOrganization(options: TestOrganizationOptions): OrganizationConfig {
  return defineOrganization({
    policyTypes: [SCP],
    defaultPolicies: { [SCP]: [FullAWSAccess] },
    ...options,
  });
}

/** An organization fixture: its options, and variants of it with some options replaced. */
export interface OrganizationFixture {
  readonly options: OrganizationOptions;
  /** The fixture's organization with some options replaced. */
  with(overrides: Partial<OrganizationOptions>): OrganizationConfig;
}

/**
 * Names the parts of a fixture organization (so tests can refer to them) next to its options, and
 * adds `with` to derive variants: a rule case changes one thing and keeps everything else.
 */
export function organizationFixture<P extends object>(
  parts: P,
  options: OrganizationOptions,
): P & OrganizationFixture {
  return {
    ...parts,
    options,
    with: (overrides) => defineOrganization({ ...options, ...overrides }),
  };
}
