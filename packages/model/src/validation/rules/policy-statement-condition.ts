import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyStatementCondition = defineRule(
  {
    code: 'policy-statement-condition',
    severity: 'error',
    description:
      'Conditions use IAM condition operators (with IfExists and ForAllValues:/ForAnyValue: where allowed), "service:key" keys and string, number or boolean values.',
  },
  (ctx) => grammarFindings(ctx, 'policy-statement-condition'),
);
