import { canonicalJson } from '../../canonical-json.ts';
import { LIMITS } from '../../limits.ts';
import { utf8ByteLength } from '../../utf8.ts';
import { LIMITS_NOTE } from '../messages.ts';
import { permissionSetPath } from '../paths.ts';
import { defineRule } from '../rule.ts';

const { inlinePolicyMaxBytes: maxBytes, inlinePolicyMaxNonWhitespaceBytes: maxDense } = LIMITS.identityCenter;

export const permissionSetInlinePolicySize = defineRule(
  {
    code: 'permission-set-inline-policy-size',
    severity: 'error',
    description: `A permission set's inline policy is at most ${maxBytes} bytes, of which at most ${maxDense} are not whitespace.`,
  },
  ({ collected }) =>
    collected.permissionSets.flatMap((ps) => {
      if (ps.inlinePolicy === undefined) return [];
      const text = canonicalJson(ps.inlinePolicy);
      const total = utf8ByteLength(text);
      const dense = utf8ByteLength(text.replace(/\s/g, ''));
      const problem =
        total > maxBytes
          ? `is ${total} bytes; IAM Identity Center allows ${maxBytes}`
          : dense > maxDense
            ? `has ${dense} non-whitespace bytes; IAM Identity Center allows ${maxDense}`
            : undefined;
      if (!problem) return [];
      return [
        {
          message: `Permission set "${ps.name}" inline policy ${problem} ${LIMITS_NOTE}.`,
          path: `${permissionSetPath(ps)}.inlinePolicy`,
          site: ps.site,
          value: Math.max(total, dense),
          fix: 'Move statements into a customer-managed policy (customerManagedPolicies) or an AWS-managed policy, merge statements with identical Effect and Condition, or drop Sid values.',
        },
      ];
    }),
);
