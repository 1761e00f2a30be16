import { OrgopsError, type Tags } from '@orgops/model';

/**
 * Options every exemptible guardrail SCP takes.
 *
 * `exemptPrincipalArns` is required on purpose: a guardrail that also binds the pipeline's own
 * roles or the break-glass role is the classic lock-out (landing-zone tools have shipped it more
 * than once), so every caller states who is exempt, even if the answer is `[]`.
 */
export interface ExemptionOptions {
  /**
   * IAM principal ARN patterns (`*` and `?` wildcards) the guardrail does not apply to, e.g.
   * `arn:aws:iam::*:role/orgops-apply`. Matched with `ArnNotLike` on `aws:PrincipalArn`, so use
   * the role ARN (not the assumed-role session ARN).
   */
  readonly exemptPrincipalArns: readonly string[];
}

/** Naming options shared by every building block, so an organization can prefix or re-describe. */
export interface NamingOptions {
  /** Policy name; each block has a kebab-case default. 1–128 characters. */
  readonly name?: string;
  readonly description?: string;
  readonly tags?: Tags;
}

export type GuardrailOptions = ExemptionOptions & NamingOptions;

// iam::<account or wildcard>:<role|user>/<path and name>. Accepting only IAM principals keeps an
// exemption from silently matching nothing (an `aws:PrincipalArn` is never an STS session ARN).
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|\*):(role|user)\/[\w+=,.@/*?-]+$/;

/**
 * Checks exemption patterns and returns them de-duplicated and sorted (stable policy text).
 *
 * @throws OrgopsError `guardrail-exemption-invalid` when a pattern is not an IAM role or user ARN.
 */
export function checkedExemptions(
  guardrail: string,
  arns: readonly string[],
  option = 'exemptPrincipalArns',
): readonly string[] {
  for (const arn of arns) {
    if (!PRINCIPAL_ARN.test(arn)) {
      throw new OrgopsError(
        'guardrail-exemption-invalid',
        `${guardrail}: ${option} entry "${arn}" is not an IAM role or user ARN pattern. ` +
          'Use the role ARN, e.g. "arn:aws:iam::*:role/orgops-apply" (not an sts assumed-role ARN).',
      );
    }
  }
  return [...new Set(arns)].sort();
}
