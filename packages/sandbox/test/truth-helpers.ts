import {
  type Account,
  type AccountOptions,
  account,
  FullAWSAccess,
  type OrganizationalUnit,
  type OrganizationConfig,
  type OrganizationOptions,
  organizationRoot,
  type Root,
  serviceControlPolicy,
} from '@orgops/model';
import { managementIn, testOrganization } from '@orgops/model/testing';
import type { SandboxBackend } from '../src/index.ts';

/** An SCP that denies `action`, for scenarios that only need distinct policies. */
export const deny = (name: string, action: string) =>
  serviceControlPolicy({
    name,
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] },
  });

/** The management account as the sandbox seeds it. */
export const mgmt: (root: Root) => Account = managementIn;

/** A member account whose email is derived from its name. */
export const member = (
  name: string,
  parent: Root | OrganizationalUnit,
  extra: Partial<AccountOptions> = {},
) => account({ name, email: `${name}@example.com`, parent, ...extra });

/**
 * A small organization: FullAWSAccess everywhere by default, SCPs only, the management account at
 * the root and Identity Center trusted.
 */
export function orgOf(
  parts: Partial<OrganizationOptions> & { root?: Root; ous?: OrganizationalUnit[]; members?: Account[] },
): OrganizationConfig {
  const root = parts.root ?? organizationRoot({ policies: [FullAWSAccess] });
  const { ous = [], members = [], ...rest } = parts;
  return testOrganization({
    root,
    organizationalUnits: ous,
    accounts: [mgmt(root), ...members],
    ...rest,
  });
}

/** Live OU by its path of names (as a list, so a name may contain `/`). */
export function ouAt(sb: SandboxBackend, ...names: string[]): { id: string; name: string } | undefined {
  const state = sb.exportState();
  let parent = state.root.id;
  let found: { id: string; name: string } | undefined;
  for (const name of names) {
    found = state.ous.find((o) => o.parentId === parent && o.name === name);
    if (!found) return undefined;
    parent = found.id;
  }
  return found;
}

export function accountNamed(sb: SandboxBackend, name: string) {
  const a = sb.exportState().accounts.find((x) => x.name === name);
  if (!a) throw new Error(`no account ${name}`);
  return a;
}

/** Names of the policies attached directly to a target. */
export function attachedTo(sb: SandboxBackend, targetId: string): string[] {
  return sb
    .exportState()
    .policies.filter((p) => p.targets.includes(targetId))
    .map((p) => p.name)
    .sort();
}
