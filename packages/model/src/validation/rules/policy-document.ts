import { policyTypeLabel, RCP, SCP } from '../../policy.ts';
import { parsePolicyDocument } from '../document.ts';
import { PATTERNS } from '../patterns.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

export const policyDocument = defineRule(
  {
    code: 'policy-document',
    severity: 'error',
    description: `SCP and RCP content is an IAM policy document: Version "${PATTERNS.policyVersion}" and a Statement of objects with Effect Allow or Deny.`,
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) => {
      if (p.awsManaged || (p.type !== SCP && p.type !== RCP)) return [];
      const parsed = parsePolicyDocument(p.content);
      if (parsed.ok) return [];
      return [
        {
          message: `${policyTypeLabel(p.type)} "${p.name}" is not a valid IAM policy document: ${parsed.problem}.`,
          path: `${path}.content`,
          site: p.site,
          value: p.content,
          fix: `Write the content as { Version: '${PATTERNS.policyVersion}', Statement: [{ Effect: 'Deny', Action: [...], Resource: '*' }] }.`,
        },
      ];
    }),
);
