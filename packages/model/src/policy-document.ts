/**
 * IAM policy grammar, typed closely enough that a misspelt element is a compile error. SCPs accept
 * the full grammar except `Principal`/`NotPrincipal` (since 2025-09-19 Allow statements may carry
 * conditions and resource ARNs); RCPs add `Principal` and are deny-only apart from AWS's own
 * RCPFullAWSAccess.
 */
export type OneOrMany<T> = T | readonly T[];

/** Condition block: operator -> condition key -> value(s), e.g. `{ StringNotLike: { 'aws:PrincipalArn': [...] } }`. */
export type ConditionBlock = Readonly<
  Record<string, Readonly<Record<string, OneOrMany<string | number | boolean>>>>
>;

export type PrincipalBlock = '*' | Readonly<Record<string, OneOrMany<string>>>;

interface StatementBase {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: ConditionBlock;
}

/** A statement of an identity policy (permission set inline policy) or an SCP. */
export interface IdentityStatement extends StatementBase {
  readonly Principal?: never;
  readonly NotPrincipal?: never;
}

/** A statement of a resource control policy: deny-only, with a `Principal`. */
export interface ResourceControlStatement extends StatementBase {
  readonly Effect: 'Deny';
  readonly Principal: PrincipalBlock;
  readonly NotAction?: never;
}

export interface PolicyDocument<S = IdentityStatement> {
  readonly Version: '2012-10-17';
  readonly Statement: OneOrMany<S>;
}

export type ServiceControlPolicyDocument = PolicyDocument<IdentityStatement>;
export type ResourceControlPolicyDocument = PolicyDocument<ResourceControlStatement>;
export type IdentityPolicyDocument = PolicyDocument<IdentityStatement>;

/** A loosely typed statement, as read back from AWS or loaded from untyped JavaScript. */
export interface AnyStatement extends StatementBase {
  readonly Principal?: PrincipalBlock;
  readonly NotPrincipal?: PrincipalBlock;
}

export function statementsOf<S>(doc: { readonly Statement: OneOrMany<S> }): readonly S[] {
  return Array.isArray(doc.Statement) ? (doc.Statement as readonly S[]) : [doc.Statement as S];
}

export function asArray<T>(value: OneOrMany<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
