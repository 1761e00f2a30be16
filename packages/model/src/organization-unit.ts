import { joinOuPath, ROOT_PATH } from './ou-path.ts';
import type { OrganizationPolicy } from './policy.ts';
import { captureSite, type Site } from './site.ts';
import type { Tags } from './tags.ts';

/** The organization root. There is exactly one; policies attached here apply to every account. */
export interface Root {
  readonly kind: 'root';
  readonly policies: readonly OrganizationPolicy[];
  readonly site?: Site;
}

/** An organizational unit. Its natural key is its path of names under the root, e.g. `/Workloads/Prod`. */
export interface OrganizationalUnit {
  readonly kind: 'ou';
  /** 1–128 characters, unique among its siblings. */
  readonly name: string;
  readonly parent: Root | OrganizationalUnit;
  readonly tags?: Tags;
  /** Policies attached directly to this OU (of any type). */
  readonly policies: readonly OrganizationPolicy[];
  /** The OU's previous name, so the plan renames it in place instead of replacing it. */
  readonly renamedFrom?: string;
  readonly site?: Site;
}

export type Parent = Root | OrganizationalUnit;

/**
 * The organization root.
 *
 * @example
 * export const root = organizationRoot({ policies: [FullAWSAccess, denyLeaveOrganization] });
 */
export function organizationRoot(options: { readonly policies?: readonly OrganizationPolicy[] } = {}): Root {
  return { kind: 'root', policies: options.policies ?? [], site: captureSite() };
}

export interface OrganizationalUnitOptions {
  readonly parent: Parent;
  readonly tags?: Tags;
  readonly policies?: readonly OrganizationPolicy[];
  readonly renamedFrom?: string;
}

/**
 * An organizational unit placed under a parent object, so a misspelt parent is a compile error.
 *
 * @example
 * export const workloads = organizationalUnit('Workloads', { parent: root });
 * export const prod = organizationalUnit('Prod', { parent: workloads, policies: [requireImdsV2] });
 */
export function organizationalUnit(name: string, options: OrganizationalUnitOptions): OrganizationalUnit {
  return {
    kind: 'ou',
    name,
    parent: options.parent,
    tags: options.tags,
    policies: options.policies ?? [],
    renamedFrom: options.renamedFrom,
    site: captureSite(),
  };
}

/**
 * Path of an OU under the root: `/` for the root, `/Workloads/Prod` for a nested OU. A `/` inside
 * a name is escaped (see `ou-path.ts`), so two different OUs never share a path.
 */
export function pathOf(node: Parent): string {
  if (node.kind === 'root') return ROOT_PATH;
  return joinOuPath(pathOf(node.parent), node.name);
}

/** Depth under the root: 1 for a top-level OU. */
export function depthOf(node: Parent): number {
  return node.kind === 'root' ? 0 : 1 + depthOf(node.parent);
}
