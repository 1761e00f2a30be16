import { policyTypeLimits } from '../../limits.ts';
import { minifiedContent, policyTypeLabel, RCP, SCP } from '../../policy.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

/** AWS counts every character sent, so the check runs on the minified text orgops sends. */
export const policySize = defineRule(
  {
    code: 'policy-size',
    severity: 'error',
    description: `A policy's minified document fits its type's maximum size (SCP ${policyTypeLimits(SCP).maxDocumentChars}, RCP ${policyTypeLimits(RCP).maxDocumentChars} characters, …).`,
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) => {
      if (p.awsManaged) return [];
      const size = minifiedContent(p.content).length;
      const max = policyTypeLimits(p.type).maxDocumentChars;
      if (size <= max) return [];
      return [
        {
          message: `${policyTypeLabel(p.type)} "${p.name}" is ${size} characters minified, ${size - max} over the ${max}-character maximum for ${p.type} ${LIMITS_NOTE}.`,
          path: `${path}.content`,
          site: p.site,
          value: size,
          fix: `Split statements into a second policy of the same type and attach both to the same targets, merge statements that share an Effect and Condition, or remove Sid values (they count toward the size). orgops already strips whitespace, so ${size} is the size AWS will see.`,
        },
      ];
    }),
);
