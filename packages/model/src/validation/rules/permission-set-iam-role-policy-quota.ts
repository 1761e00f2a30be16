import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { iamDefaultManagedPoliciesPerRole: quota, maxManagedPolicies: hardMax } = LIMITS.identityCenter;

/**
 * A warning, not an error: the quota is per target account and may have been raised there. When it
 * has not, provisioning fails only in the status poll (200 OK, then FAILED), which is easy to miss.
 */
export const permissionSetIamRolePolicyQuota = defineRule(
  {
    code: 'permission-set-iam-role-policy-quota',
    severity: 'warning',
    plural: 'permission sets over the IAM role policy quota',
    description: `More than ${quota} managed policies on a permission set exceeds IAM's default managed-policies-per-role quota in target accounts.`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      const count = new Set(ps.managedPolicies ?? []).size + (ps.customerManagedPolicies ?? []).length;
      if (count <= quota || count > hardMax) return []; // above hardMax the error rule reports it
      return [
        {
          message: `Permission set "${ps.name}" has ${count} managed policies; IAM's default quota is ${quota} managed policies per role in each target account ${LIMITS_NOTE}, so provisioning fails in accounts where it has not been raised.`,
          path: `${permissionSetPath(ps)}.managedPolicies`,
          site: ps.site,
          value: count,
          fix: `Either keep the permission set at ${quota} managed policies or fewer, or raise the IAM quota "Managed policies per role" in Service Quotas in every account it is assigned to.`,
        },
      ];
    }),
);
