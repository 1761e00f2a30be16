import type { PermissionSet } from '@orgops/model';
import { blockPermissionSet } from './build.ts';
import { AWS_MANAGED_POLICIES } from './managed-policies.ts';
import type { PermissionSetBlockOptions } from './options.ts';

/**
 * FinOps: `job-function/Billing` (bills, cost explorer, budgets, payment settings). Useful mainly
 * in the management account, where consolidated billing lives.
 *
 * @example
 * const finops = billing();
 */
export function billing(options: PermissionSetBlockOptions = {}): PermissionSet {
  return blockPermissionSet(
    {
      name: 'Billing',
      description: 'Billing, cost and budget management',
      sessionDuration: 'PT4H',
      managedPolicies: [AWS_MANAGED_POLICIES.Billing],
    },
    options,
  );
}
