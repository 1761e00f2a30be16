import type { Account } from './account.ts';
import type { OrganizationalUnit, Root } from './organization-unit.ts';
import type { PermissionSet } from './permission-set.ts';
import type { Principal } from './principal.ts';
import { captureSite, type Site } from './site.ts';

/** Every account carrying this tag (value optional) at plan time. */
export interface TagTarget {
  readonly kind: 'tag';
  readonly key: string;
  readonly value?: string;
}

/**
 * Where an assignment applies. An OU (or the root) means every account in its subtree, expanded at
 * plan time, so a new account under the OU gets the assignment on the next apply and the drift job
 * notices accounts that moved.
 */
export type AssignmentTarget = Account | OrganizationalUnit | Root | TagTarget;

/** Gives a principal a permission set in a set of accounts. */
export interface Assignment {
  readonly kind: 'assignment';
  readonly principal: Principal;
  readonly permissionSet: PermissionSet;
  readonly targets: readonly AssignmentTarget[];
  /** Accounts excluded from the expanded targets, e.g. the management account. */
  readonly exclude?: readonly Account[];
  readonly site?: Site;
}

/**
 * Assigns a permission set to a principal in accounts, OU subtrees or tagged accounts.
 *
 * @example
 * assign(developers, developer, [nonProd, accountsTagged('team', 'payments')]);
 */
export function assign(
  principal: Principal,
  permissionSet: PermissionSet,
  targets: readonly AssignmentTarget[],
  options: { readonly exclude?: readonly Account[] } = {},
): Assignment {
  return {
    kind: 'assignment',
    principal,
    permissionSet,
    targets,
    exclude: options.exclude,
    site: captureSite(),
  };
}

/** Targets every account tagged `key` (with `value`, when given). */
export function accountsTagged(key: string, value?: string): TagTarget {
  return { kind: 'tag', key, value };
}
