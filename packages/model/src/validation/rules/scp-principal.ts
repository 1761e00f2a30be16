import { grammarFindings } from '../policy-documents.ts';
import { defineRule } from '../rule.ts';

export const scpPrincipal = defineRule(
  {
    code: 'scp-principal',
    severity: 'error',
    description: 'SCP statements have no Principal or NotPrincipal (AWS rejects them in SCPs).',
  },
  (ctx) => grammarFindings(ctx, 'scp-principal'),
);
