import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

/**
 * AWS stores these documents, but a condition value of the wrong kind can never match, so a Deny
 * guarded by it never applies: for a guardrail that is a silent hole, which orgops refuses.
 */
export const policyConditionValue = defineRule(
  {
    code: 'policy-condition-value',
    severity: 'error',
    description:
      'Condition values fit their operator (numbers for Numeric*, dates for Date*, true/false for Bool and Null, IPs for IpAddress, base64 for BinaryEquals); otherwise the condition never matches.',
  },
  (ctx) => grammarFindings(ctx, 'policy-condition-value'),
);
