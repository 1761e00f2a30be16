import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const policyStatementElement = defineRule(
  {
    code: 'policy-statement-element',
    severity: 'error',
    description:
      'Statements use only the elements of their policy type (SCP, RCP, identity policy), spelled exactly: Actions or resource is reported with the element it meant.',
  },
  (ctx) => grammarFindings(ctx, 'policy-statement-element'),
);
