import { type Account, managementAccount } from '../account.ts';
import { defineOrganization, type OrganizationConfig, type OrganizationOptions } from '../organization.ts';
import type { Root } from '../organization-unit.ts';
import { type PermissionSet, type PermissionSetOptions, permissionSet } from '../permission-set.ts';
import { FullAWSAccess, SCP } from '../policy.ts';
import type { Site } from '../site.ts';

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

/** The options that list config objects (each carrying the `site` it was defined at). */
export type ListOption = {
  [K in keyof OrganizationOptions]-?: NonNullable<OrganizationOptions[K]> extends readonly (infer T)[]
    ? T extends { readonly site?: Site | undefined }
      ? K
      : never
    : never;
}[keyof OrganizationOptions];

export type ListItem<K extends ListOption> = NonNullable<OrganizationOptions[K]>[number];

/** An object to add, or how to make it from the fixture (to refer to the fixture's own parts). */
export type Addition<F, K extends ListOption> = ListItem<K> | ((f: F) => ListItem<K>);

/**
 * Variants of a fresh `fixture()` with objects added to its `key` list, the way most rule cases
 * are written ("the baseline with one more account"): `config(...)` is that organization, and
 * `variant(item)` a non-compliant variant, pointing at the added object's site.
 */
export function addingTo<F extends OrganizationFixture, K extends ListOption>(fixture: () => F, key: K) {
  const build = (additions: readonly Addition<F, K>[]) => {
    const f = fixture();
    const items = additions.map((a) => (typeof a === 'function' ? a(f) : a));
    const config = f.with({ [key]: [...(f.options[key] ?? []), ...items] } as Partial<OrganizationOptions>);
    return { config, items };
  };
  return {
    config: (...additions: Addition<F, K>[]): OrganizationConfig => build(additions).config,
    variant: (addition: Addition<F, K>): { config: OrganizationConfig; site: Site | undefined } => {
      const { config, items } = build([addition]);
      return { config, site: items[0]?.site };
    },
  };
}
