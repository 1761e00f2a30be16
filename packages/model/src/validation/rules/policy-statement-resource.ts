import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyStatementResource = defineRule(
  {
    code: 'policy-statement-resource',
    severity: 'error',
    description:
      'Each statement has exactly one of Resource and NotResource, a string or non-empty list of "*" or ARNs.',
  },
  (ctx) => grammarFindings(ctx, 'policy-statement-resource'),
);
