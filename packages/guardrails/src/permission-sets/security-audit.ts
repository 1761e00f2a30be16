import type { PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * Security review: `SecurityAudit` (security configuration, policies, logs metadata) plus
 * `job-function/ViewOnlyAccess` (the rest of the inventory). No data, no writes.
 *
 * @example
 * const auditor = securityAudit();
 */
export function securityAudit(options: PermissionSetBlockOptions = {}): PermissionSet {
  return blockPermissionSet(
    {
      name: 'SecurityAudit',
      description: 'Read security configuration and inventory across accounts, no data access',
      sessionDuration: 'PT4H',
      managedPolicies: [AWS_MANAGED_POLICIES.SecurityAudit, AWS_MANAGED_POLICIES.ViewOnlyAccess],
    },
    options,
  );
}
