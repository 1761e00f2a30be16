import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const rcpDenyOnly = defineRule(
  {
    code: 'rcp-deny-only',
    severity: 'error',
    description: 'RCP statements are Deny statements (only AWS-managed RCPFullAWSAccess may Allow).',
  },
  (ctx) => grammarFindings(ctx, 'rcp-deny-only'),
);
