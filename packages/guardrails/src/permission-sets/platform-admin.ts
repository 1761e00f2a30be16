import type { PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * Full administration (`AdministratorAccess`) with a one-hour session.
 *
 * Why a short session: the most powerful role has the smallest window in which a stolen session
 * is useful, and re-authenticating through the identity provider re-applies MFA. Guardrail SCPs
 * still bind it in member accounts; nothing does in the management account, so assign it there
 * only if the platform team truly works there.
 *
 * @example
 * const admin = platformAdmin();
 */
export function platformAdmin(options: PermissionSetBlockOptions = {}): PermissionSet {
  return blockPermissionSet(
    {
      name: 'PlatformAdmin',
      description: 'Full administration for the platform team, one-hour sessions',
      sessionDuration: 'PT1H',
      managedPolicies: [AWS_MANAGED_POLICIES.AdministratorAccess],
    },
    options,
  );
}
