import { LIMITS } from '../../limits.ts';
import { policyTypeLabel } from '../../policy.ts';
import { LIMITS_NOTE, quoted } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

const max = LIMITS.organizations.maxPolicyNameLength;

export const policyName = defineRule(
  {
    code: 'policy-name',
    severity: 'error',
    description: `Policy names are 1–${max} characters.`,
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) =>
      p.awsManaged || (p.name.length >= 1 && p.name.length <= max)
        ? []
        : [
            {
              message: `${policyTypeLabel(p.type)} name ${p.name.length === 0 ? 'is empty' : `${quoted(p.name, 40)} is ${p.name.length} characters`}; AWS allows 1–${max} ${LIMITS_NOTE}.`,
              path: `${path}.name`,
              site: p.site,
              value: p.name,
              fix: `Use a name of 1–${max} characters; put the explanation in \`description\`.`,
            },
          ],
    ),
);
