import { SCP } from '../../policy.ts';
import { parsePolicyDocument, statementLabel } from '../document.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

export const scpPrincipal = defineRule(
  {
    code: 'scp-principal',
    severity: 'error',
    description: 'SCP statements have no Principal or NotPrincipal (AWS rejects them in SCPs).',
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) => {
      if (p.awsManaged || p.type !== SCP) return [];
      const parsed = parsePolicyDocument(p.content);
      if (!parsed.ok) return [];
      return parsed.statements.flatMap((s, i) =>
        (['Principal', 'NotPrincipal'] as const)
          .filter((element) => s[element] !== undefined)
          .map((element) => ({
            message: `SCP "${p.name}" ${statementLabel(s, i)} uses ${element}, which SCPs do not support; an SCP applies to every IAM principal in the accounts it is attached to.`,
            path: `${path}.content.Statement[${i}].${element}`,
            site: p.site,
            value: s[element],
            fix: `Remove ${element} and express the exception as a Condition, e.g. Condition: { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/BreakGlass'] } }.`,
          })),
      );
    }),
);
