import { POLICY_VERSION } from '../../policy-grammar/index.ts';
import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyDocument = defineRule(
  {
    code: 'policy-document',
    severity: 'error',
    description: `SCP, RCP and permission set inline policy content is an IAM policy document: JSON, Version "${POLICY_VERSION}", only Version and Statement at the top, no duplicate keys, a Statement of objects with Effect Allow or Deny.`,
  },
  (ctx) => grammarFindings(ctx, 'policy-document'),
);
