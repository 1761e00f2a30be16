/**
 * Character-set patterns that AWS enforces on input shapes (botocore models, see aws-facts.md
 * §1.3 and §3.3). They are formats, not limits, so they live here rather than in `limits.ts`;
 * every length and count still comes from the limits table.
 */
export const PATTERNS = {
  /** Organizations and Identity Center tag keys and values. */
  tag: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u,
  /** Permission set `Description`. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: AWS's documented charset allows tab, LF and CR.
  permissionSetDescription: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
  /** `ManagedPolicyArn` only accepts AWS-managed policies, in any partition. */
  awsManagedPolicyArn: /^arn:aws[-a-z]*:iam::aws:policy\/.+$/,
  /** IAM policy language version accepted by SCPs and RCPs. */
  policyVersion: '2012-10-17',
} as const;
