import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const managementPolicyDocument = defineRule(
  {
    code: 'management-policy-document',
    severity: 'error',
    description:
      "Tag, backup, AI opt-out and other management policies follow their own syntax: the type's top-level key, values set through @@assign/@@append/@@remove, valid @@operators_allowed_for_child_policies.",
  },
  (ctx) => grammarFindings(ctx, 'management-policy-document'),
);
