import { permissionSetPath } from '../paths.ts';
import { PATTERNS } from '../patterns.ts';
import { defineRule } from '../rule.ts';

export const permissionSetManagedPolicyArn = defineRule(
  {
    code: 'permission-set-managed-policy-arn',
    severity: 'error',
    description:
      'managedPolicies and a managedPolicyArn boundary name AWS-managed policies (arn:aws:iam::aws:policy/...); customer policies go in customerManagedPolicies.',
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      const arns = (ps.managedPolicies ?? []).map((arn, i) => ({
        arn,
        path: `${permissionSetPath(ps)}.managedPolicies[${i}]`,
      }));
      const boundary = ps.permissionsBoundary;
      if (boundary && 'managedPolicyArn' in boundary) {
        arns.push({
          arn: boundary.managedPolicyArn,
          path: `${permissionSetPath(ps)}.permissionsBoundary.managedPolicyArn`,
        });
      }
      return arns
        .filter(({ arn }) => !PATTERNS.awsManagedPolicyArn.test(arn))
        .map(({ arn, path }) => {
          const customer = /^arn:aws[-a-z]*:iam::\d{12}:policy(\/.*\/|\/)([^/]+)$/.exec(arn);
          return {
            message: `Permission set "${ps.name}" references "${arn}", which is not an AWS-managed policy ARN; IAM Identity Center accepts only arn:aws:iam::aws:policy/... here.`,
            path,
            site: ps.site,
            value: arn,
            fix: customer
              ? `Reference the customer-managed policy by name instead: customerManagedPolicies: [{ name: '${customer[2]}', path: '${customer[1]}' }] (it must exist in every target account).`
              : 'Use the full ARN of an AWS-managed policy, e.g. "arn:aws:iam::aws:policy/ReadOnlyAccess".',
          };
        });
    }),
);
