import { LIMITS } from '../../limits.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const max = LIMITS.identityCenter.maxManagedPolicies;

export const permissionSetManagedPolicyCount = defineRule(
  {
    code: 'permission-set-managed-policy-count',
    severity: 'error',
    description: `AWS-managed plus customer-managed policies on one permission set are at most ${max}.`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      const aws = new Set(ps.managedPolicies ?? []).size;
      const cmp = (ps.customerManagedPolicies ?? []).length;
      if (aws + cmp <= max) return [];
      return [
        {
          message: `Permission set "${ps.name}" has ${aws + cmp} managed policies (${aws} AWS-managed, ${cmp} customer-managed); IAM Identity Center allows at most ${max} ${LIMITS_NOTE}.`,
          path: `${permissionSetPath(ps)}.managedPolicies`,
          site: ps.site,
          value: aws + cmp,
          fix: `Attach at most ${max}: fold several customer-managed policies into one, or replace a group of narrow AWS-managed policies with the inline policy.`,
        },
      ];
    }),
);
