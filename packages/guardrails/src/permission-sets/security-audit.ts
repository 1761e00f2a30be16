import type { PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * Security review: `SecurityAudit` (security configuration, policies, logs metadata) plus
 * `job-function/ViewOnlyAccess` (the rest of the inventory). No writes, and no reads of objects,
 * items, messages or secret values.
 *
 * Deliberately left open: configuration that carries data. Both managed policies list and read
 * Lambda function configuration and CodeBuild projects, environment variables included, and
 * ViewOnlyAccess's `lambda:ListFunctions` returns them too, so denying `GetFunctionConfiguration`
 * alone would not close it while breaking the review it exists for. Keep secrets in Secrets
 * Manager or Parameter Store, which neither policy reads.
 *
 * @example
 * const auditor = securityAudit();
 */
export function securityAudit(options: PermissionSetBlockOptions = {}): PermissionSet {
  return blockPermissionSet(
    {
      name: 'SecurityAudit',
      description:
        'Read security configuration and inventory across accounts; no object or secret reads, but Lambda and CodeBuild environment variables are configuration',
      sessionDuration: 'PT4H',
      managedPolicies: [AWS_MANAGED_POLICIES.SecurityAudit, AWS_MANAGED_POLICIES.ViewOnlyAccess],
    },
    options,
  );
}
