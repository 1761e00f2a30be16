import { RCP } from '../../policy.ts';
import { parsePolicyDocument, statementLabel } from '../document.ts';
import { defineRule } from '../rule.ts';
import { distinctPolicies } from '../targets.ts';

export const rcpNotAction = defineRule(
  {
    code: 'rcp-not-action',
    severity: 'error',
    description: 'RCP statements use Action, not NotAction (NotAction is not part of the RCP grammar).',
  },
  (ctx) =>
    distinctPolicies(ctx).flatMap(({ policy: p, path }) => {
      if (p.awsManaged || p.type !== RCP) return [];
      const parsed = parsePolicyDocument(p.content);
      if (!parsed.ok) return [];
      return parsed.statements.flatMap((s, i) =>
        s.NotAction !== undefined
          ? [
              {
                message: `RCP "${p.name}" ${statementLabel(s, i)} uses NotAction, which resource control policies do not support.`,
                path: `${path}.content.Statement[${i}].NotAction`,
                site: p.site,
                value: s.NotAction,
                fix: 'List the denied actions explicitly in Action (service wildcards such as "s3:*" are allowed).',
              },
            ]
          : [],
      );
    }),
);
