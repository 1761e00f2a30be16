import { asArray, inert, keySegment, parseConditionOperator } from '@orgops/model';
import { iamDocuments } from '../documents.ts';
import { type Draft, defineLintRule } from '../rule.ts';

/** Operators that exempt: the statement applies to everyone whose ARN does NOT match. */
const NEGATED = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike',
]);
const ROLE_ARN = /^arn:(?:aws[a-z-]*|\*):iam::(?:\d{12}|\*):role\/(.+)$/;
/** Identity Center's role for one permission set: the suffix is random, the name is not. */
const PERMISSION_SET_ROLE = /^\*?AWSReservedSSO_[\w+=,.@-]+_\*$/;

/** Why an exempt-principal pattern is broader than named roles, or undefined when it is not. */
export function exemptionProblem(pattern: string): string | undefined {
  const role = ROLE_ARN.exec(pattern);
  if (!role) return 'it is not an IAM role ARN, so it can exempt users, root users or whole accounts';
  const name = (role[1] ?? '').split('/').pop() ?? '';
  if (!/[*?]/.test(name)) return undefined;
  if (PERMISSION_SET_ROLE.test(name) && !/[*?]/.test(name.replace(/^\*/, '').replace(/\*$/, '')))
    return undefined;
  if (/^\*?AWSReservedSSO_\*/.test(name))
    return 'it matches the role of every Identity Center permission set, so everyone who signs in through Identity Center is exempt';
  return 'a wildcard in the role name exempts every role whose name matches, including roles anyone with iam:CreateRole can make';
}

export const exemptionWildcard = defineLintRule(
  {
    id: 'exemption-wildcard',
    severity: 'error',
    title: 'Exemption broader than named roles',
    description:
      "Guardrail exemptions (a negated condition on aws:PrincipalArn in an SCP or RCP Deny) name roles: no wildcard in the role name (apart from one permission set's Identity Center suffix), no users, root or whole accounts.",
  },
  (ctx) => {
    const out: Draft[] = [];
    for (const doc of iamDocuments(ctx)) {
      if (doc.kind === 'inline') continue;
      doc.statements.forEach((statement, i) => {
        if (statement.Effect !== 'Deny') return;
        for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
          const parsed = parseConditionOperator(operator);
          if (!parsed.ok || !NEGATED.has(parsed.operator.base)) continue;
          for (const [key, values] of Object.entries(keys)) {
            if (key.toLowerCase() !== 'aws:principalarn') continue;
            asArray(values).forEach((value, j) => {
              const pattern = String(value);
              const problem = exemptionProblem(pattern);
              if (!problem) return;
              out.push({
                message: `${doc.subject.label} exempts ${JSON.stringify(inert(pattern))} from its Deny: ${problem}. Every exemption is a way around this guardrail in every account it is attached to.`,
                fix: 'Exempt named roles only (arn:aws:iam::*:role/break-glass), and protect them with protectPrivilegedRoles so nobody else can create or change them.',
                path: `${doc.path}.Statement[${i}].Condition${keySegment(operator)}${keySegment(key)}${Array.isArray(values) ? `[${j}]` : ''}`,
                subject: doc.subject,
                site: doc.site,
                value: pattern,
              });
            });
          }
        }
      });
    }
    return out;
  },
);
