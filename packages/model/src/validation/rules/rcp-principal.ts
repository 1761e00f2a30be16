import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const rcpPrincipal = defineRule(
  {
    code: 'rcp-principal',
    severity: 'error',
    description:
      'RCP statements have Principal "*" and no NotPrincipal (narrow who is denied with a Condition).',
  },
  (ctx) => grammarFindings(ctx, 'rcp-principal'),
);
