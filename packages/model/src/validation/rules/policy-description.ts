import { LIMITS } from '../../limits.ts';
import { policyTypeLabel } from '../../policy.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

const max = LIMITS.organizations.maxPolicyDescriptionLength;

export const policyDescription = defineRule(
  {
    code: 'policy-description',
    severity: 'error',
    description: `Policy descriptions are at most ${max} characters.`,
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) =>
      p.awsManaged || p.description === undefined || p.description.length <= max
        ? []
        : [
            {
              message: `${policyTypeLabel(p.type)} "${p.name}" description is ${p.description.length} characters; AWS allows at most ${max} ${LIMITS_NOTE}.`,
              path: `${path}.description`,
              site: p.site,
              value: p.description,
              fix: `Shorten the description to ${max} characters or fewer; longer rationale belongs in a code comment next to the policy.`,
            },
          ],
    ),
);
