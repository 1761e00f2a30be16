import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const rcpNotAction = defineRule(
  {
    code: 'rcp-not-action',
    severity: 'error',
    description: 'RCP statements use Action, not NotAction (NotAction is not part of the RCP grammar).',
  },
  (ctx) => grammarFindings(ctx, 'rcp-not-action'),
);
