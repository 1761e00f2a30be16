import {
  canonicalJson,
  distinctPolicies,
  LIMITS,
  minifiedContent,
  permissionSetPath,
  policyTypeLimits,
} from '@orgops/model';
import { type Draft, defineLintRule } from '../rule.ts';
import { permissionSetSubject, policySubject } from '../subjects.ts';

/** From this share of a limit on, the next edit may not fit. */
export const NEAR_LIMIT = 0.9;

const utf8 = new TextEncoder();
const percent = (size: number, max: number) => `${Math.floor((size / max) * 100)} %`;

/** Over the limit is the validator's error (`policy-size`, `permission-set-inline-policy-size`). */
export const policyNearSizeLimit = defineLintRule(
  {
    id: 'policy-near-size-limit',
    severity: 'warning',
    title: 'Policy near its size limit',
    description: `A policy document (SCP, RCP, tag, backup… policy, or a permission set's inline policy) uses less than ${NEAR_LIMIT * 100} % of its size limit in the limits table.`,
  },
  (ctx) => {
    const out: Draft[] = [];
    for (const { policy, path } of distinctPolicies(ctx)) {
      if (policy.awsManaged) continue;
      const size = minifiedContent(policy.content).length;
      const max = policyTypeLimits(policy.type).maxDocumentChars;
      if (size < NEAR_LIMIT * max || size > max) continue;
      const subject = policySubject(policy);
      out.push({
        message: `${subject.label} is ${size} of its ${max} characters minified (${percent(size, max)}): the next statement added may not fit, and AWS refuses the whole update.`,
        fix: 'Split it into two policies of the same type attached to the same targets (a target holds up to the per-target maximum), or merge statements that share an Effect and Condition.',
        path: `${path}.content`,
        subject,
        site: policy.site,
        value: size,
      });
    }
    const { inlinePolicyMaxBytes: maxBytes, inlinePolicyMaxNonWhitespaceBytes: maxDense } =
      LIMITS.identityCenter;
    for (const ps of ctx.collected.permissionSets) {
      if (ps.inlinePolicy === undefined) continue;
      const text = canonicalJson(ps.inlinePolicy);
      const total = utf8.encode(text).length;
      const dense = utf8.encode(text.replace(/\s/g, '')).length;
      const [size, max, what] =
        total / maxBytes >= dense / maxDense
          ? [total, maxBytes, 'bytes']
          : [dense, maxDense, 'non-whitespace bytes'];
      if (size < NEAR_LIMIT * max || size > max) continue;
      const subject = permissionSetSubject(ps.name);
      out.push({
        message: `${subject.label}: its inline policy is ${size} of ${max} ${what} (${percent(size, max)}): the next statement added may not fit.`,
        fix: 'Move statements into a customer managed policy (customerManagedPolicies) or use AWS managed policies for the broad parts.',
        path: `${permissionSetPath(ps)}.inlinePolicy`,
        subject,
        site: ps.site,
        value: size,
      });
    }
    return out;
  },
);
