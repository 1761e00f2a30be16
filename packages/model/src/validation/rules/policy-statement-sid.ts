import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyStatementSid = defineRule(
  {
    code: 'policy-statement-sid',
    severity: 'error',
    description: 'Sids are strings of letters and digits, unique within their policy.',
  },
  (ctx) => grammarFindings(ctx, 'policy-statement-sid'),
);
