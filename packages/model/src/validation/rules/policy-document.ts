import { POLICY_VERSION } from '../../policy-grammar/index.ts';
import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyDocument = defineRule(
  {
    code: 'policy-document',
    severity: 'error',
    description: `SCP, RCP and permission set inline policy content is an IAM policy document: JSON without duplicate keys, Version "${POLICY_VERSION}", only Version, Statement and (outside inline policies) Id at the top, a Statement of objects with Effect Allow or Deny.`,
  },
  (ctx) => grammarFindings(ctx, 'policy-document'),
);
