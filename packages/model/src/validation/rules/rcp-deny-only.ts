import { RCP } from '../../policy.ts';
import { parsePolicyDocument, statementLabel } from '../document.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

export const rcpDenyOnly = defineRule(
  {
    code: 'rcp-deny-only',
    severity: 'error',
    description: 'RCP statements are Deny statements (only AWS-managed RCPFullAWSAccess may Allow).',
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) => {
      if (p.awsManaged || p.type !== RCP) return [];
      const parsed = parsePolicyDocument(p.content);
      if (!parsed.ok) return [];
      return parsed.statements.flatMap((s, i) =>
        s.Effect === 'Allow'
          ? [
              {
                message: `RCP "${p.name}" ${statementLabel(s, i)} has Effect "Allow"; resource control policies are deny-only.`,
                path: `${path}.content.Statement[${i}].Effect`,
                site: p.site,
                value: s.Effect,
                fix: 'Rewrite the statement as a Deny with a Condition that exempts what should stay allowed (RCPFullAWSAccess already allows everything), or move the grant into an identity or resource policy.',
              },
            ]
          : [],
      );
    }),
);
