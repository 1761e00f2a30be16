import { closest } from '../closest.ts';
import { quoteValue } from './problem.ts';

/** What a condition operator compares, which decides what its values must look like. */
export type ConditionFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

/** The IAM condition operators (IAM UG "Condition operators"), by family. */
const BASE_OPERATORS: Readonly<Record<string, ConditionFamily>> = {
  StringEquals: 'string',
  StringNotEquals: 'string',
  StringEqualsIgnoreCase: 'string',
  StringNotEqualsIgnoreCase: 'string',
  StringLike: 'string',
  StringNotLike: 'string',
  NumericEquals: 'numeric',
  NumericNotEquals: 'numeric',
  NumericLessThan: 'numeric',
  NumericLessThanEquals: 'numeric',
  NumericGreaterThan: 'numeric',
  NumericGreaterThanEquals: 'numeric',
  DateEquals: 'date',
  DateNotEquals: 'date',
  DateLessThan: 'date',
  DateLessThanEquals: 'date',
  DateGreaterThan: 'date',
  DateGreaterThanEquals: 'date',
  Bool: 'bool',
  BinaryEquals: 'binary',
  IpAddress: 'ip',
  NotIpAddress: 'ip',
  ArnEquals: 'arn',
  ArnLike: 'arn',
  ArnNotEquals: 'arn',
  ArnNotLike: 'arn',
  Null: 'null',
};

/** Set operators for multivalued keys, written before the operator: `ForAnyValue:StringLike`. */
export const SET_QUALIFIERS = ['ForAllValues', 'ForAnyValue'] as const;

export interface ConditionOperator {
  readonly base: string;
  readonly family: ConditionFamily;
  readonly qualifier?: (typeof SET_QUALIFIERS)[number];
  readonly ifExists: boolean;
}

export type ParsedOperator =
  | { readonly ok: true; readonly operator: ConditionOperator }
  | { readonly ok: false; readonly reason: string; readonly suggestion?: string };

/** Every spelling IAM accepts, for "did you mean …?". */
const ALL_OPERATORS: readonly string[] = Object.keys(BASE_OPERATORS).flatMap((base) => {
  const plain = base === 'Null' ? [base] : [base, `${base}IfExists`];
  return [...plain, ...SET_QUALIFIERS.flatMap((q) => plain.map((p) => `${q}:${p}`))];
});

/**
 * Reads a condition operator: an IAM operator, optionally with the `IfExists` suffix (any operator
 * but `Null`) and a `ForAllValues:` / `ForAnyValue:` set qualifier.
 */
export function parseConditionOperator(text: string): ParsedOperator {
  const colon = text.indexOf(':');
  const qualifierText = colon >= 0 ? text.slice(0, colon) : undefined;
  const rest = colon >= 0 ? text.slice(colon + 1) : text;
  const qualifier = SET_QUALIFIERS.find((q) => q === qualifierText);
  if (qualifierText !== undefined && !qualifier) {
    return {
      ok: false,
      reason: `${quoteValue(qualifierText)} is not a set qualifier (ForAllValues or ForAnyValue)`,
      suggestion: suggestOperator(text),
    };
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const family = Object.hasOwn(BASE_OPERATORS, base) ? BASE_OPERATORS[base] : undefined;
  if (!family) {
    return { ok: false, reason: 'is not an IAM condition operator', suggestion: suggestOperator(text) };
  }
  if (family === 'null' && ifExists) {
    return {
      ok: false,
      reason: 'combines Null with IfExists; Null already tests whether the key is present',
      suggestion: qualifier ? `${qualifier}:Null` : 'Null',
    };
  }
  return { ok: true, operator: { base, family, ifExists, ...(qualifier ? { qualifier } : {}) } };
}

function suggestOperator(text: string): string | undefined {
  return closest(text, ALL_OPERATORS);
}
