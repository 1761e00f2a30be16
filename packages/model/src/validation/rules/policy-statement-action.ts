import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyStatementAction = defineRule(
  {
    code: 'policy-statement-action',
    severity: 'error',
    description:
      'Each statement has exactly one of Action and NotAction, a string or non-empty list of "*" or "service:Action" names (wildcards allowed).',
  },
  (ctx) => grammarFindings(ctx, 'policy-statement-action'),
);
