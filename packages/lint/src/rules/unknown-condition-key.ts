import { inert, keySegment } from '@orgops/model';
import { unknownConditionKeys } from '@orgops/simulate';
import { effectOf, iamDocuments } from '../documents.ts';
import { type Draft, defineLintRule } from '../rule.ts';

/**
 * AWS never sets a key it does not know, so a condition on a misspelt key is decided by its
 * absence: `StringEquals` never matches (the Deny never applies), `ArnNotLike` always matches (the
 * exemption exempts nobody, a lock-out). Either way the statement does not do what it says.
 */
export const unknownConditionKey = defineLintRule(
  {
    id: 'unknown-condition-key',
    severity: 'error',
    title: 'Condition key does not exist',
    description:
      'Every condition key in an SCP, RCP or inline policy is a global key or a key of a service in the IAM catalogue.',
  },
  async (ctx) => {
    const out: Draft[] = [];
    for (const doc of iamDocuments(ctx)) {
      for (const [i, statement] of doc.statements.entries()) {
        if (!statement.Condition) continue;
        const unknown = new Set(await unknownConditionKeys({ Statement: [statement] }));
        for (const [operator, keys] of Object.entries(statement.Condition)) {
          for (const key of Object.keys(keys)) {
            if (!unknown.has(key)) continue;
            out.push({
              message: `${doc.subject.label}: condition key ${JSON.stringify(inert(key))} is neither a global key nor a key of any service, so AWS never sets it and this ${effectOf(statement)} statement's ${inert(operator)} condition is decided by its absence, not by the request.`,
              fix: 'Check the key against the IAM global condition keys (aws:PrincipalArn, aws:RequestedRegion, …) and the service\'s own keys in the Service Authorization Reference; keys are "service:Name".',
              path: `${doc.path}.Statement[${i}].Condition${keySegment(operator)}${keySegment(key)}`,
              subject: doc.subject,
              site: doc.site,
              value: key,
            });
          }
        }
      }
    }
    return out;
  },
);
