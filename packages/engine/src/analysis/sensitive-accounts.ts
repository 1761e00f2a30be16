import type { Tags } from '@orgops/model';

/**
 * Accounts where broad access matters most, most sensitive first. The management account is
 * bound by no SCP or RCP and administers every other account; security accounts (log archive,
 * security tooling, audit) hold the evidence and the detection that would notice an attacker;
 * production holds customer data.
 */
export type Sensitivity = 'management' | 'security' | 'production';

export const SENSITIVITY_WORDS: Readonly<Record<Sensitivity, { one: string; many: string }>> = {
  management: { one: 'the management account', many: 'the management account' },
  security: { one: 'security account', many: 'security accounts' },
  production: { one: 'production account', many: 'production accounts' },
};

/**
 * Whether an OU path is production: a segment mentioning "prod" (`Prod`, `Production`,
 * `prod-eu`), but not `NonProd` or `PreProd`, which name the opposite.
 */
export function isProductionPath(path: string): boolean {
  return path.split('/').some((segment) => /prod/i.test(segment) && !/(non|pre)[-_ ]?prod/i.test(segment));
}

/** `environment=prod` or `environment=production`, keys and values in any case. */
export function isProductionTagged(tags: Tags): boolean {
  return environmentIs(tags, /^prod(uction)?$/i);
}

const SECURITY_WORDS = /security|audit|log[-_ ]?archive|forensic/i;

/**
 * A security account: under an OU path segment, or named, for security, audit, log archive or
 * forensics (the Security OU of AWS's multi-account guidance; Control Tower's `Log Archive` and
 * `Audit`), or tagged `environment=security`.
 */
export function isSecurityAccount(
  account: { readonly name: string; readonly ouPath: string },
  tags: Tags,
): boolean {
  return (
    account.ouPath.split('/').some((segment) => SECURITY_WORDS.test(segment)) ||
    SECURITY_WORDS.test(account.name) ||
    environmentIs(tags, /^security$/i)
  );
}

function environmentIs(tags: Tags, value: RegExp): boolean {
  return Object.entries(tags).some(([key, v]) => key.toLowerCase() === 'environment' && value.test(v.trim()));
}
