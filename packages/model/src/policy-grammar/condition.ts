import {
  type ConditionFamily,
  type ConditionOperator,
  parseConditionOperator,
} from './condition-operators.ts';
import { type GrammarProblem, quoteValue } from './problem.ts';

type At = readonly (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Condition keys carry their service prefix: `aws:PrincipalArn`, `s3:prefix`, `accounts.google.com:aud`. */
const CONDITION_KEY = /^[^:\s]+:\S/;

/**
 * The `Condition` block of one statement: operators IAM knows, keys with a service prefix, values
 * that are strings, numbers or booleans (or lists of them), and values that can match at all
 * for their operator.
 */
export function conditionProblems(condition: unknown, at: At, label: string): GrammarProblem[] {
  const structural = (atPath: At, message: string, value: unknown, fix: string, awsRejects = true) =>
    ({ rule: 'policy-statement-condition', at: atPath, message, value, fix, awsRejects }) as const;
  if (!isRecord(condition)) {
    return [
      structural(
        at,
        `${label} has Condition ${quoteValue(condition)}, which is not an object of condition operators.`,
        condition,
        "Write the condition as { Operator: { 'service:key': value } }, e.g. { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }.",
      ),
    ];
  }
  const out: GrammarProblem[] = [];
  for (const [name, block] of Object.entries(condition)) {
    const opAt = [...at, name];
    const parsed = parseConditionOperator(name);
    if (!parsed.ok) {
      out.push(
        structural(
          opAt,
          `${label} condition operator ${quoteValue(name)} ${parsed.reason}${parsed.suggestion ? `; did you mean ${parsed.suggestion}?` : '.'}`,
          name,
          parsed.suggestion
            ? `Rename the operator to "${parsed.suggestion}".`
            : 'Use an IAM condition operator (StringEquals, StringLike, ArnNotLike, Bool, NumericLessThan, DateGreaterThan, IpAddress, Null …), optionally with IfExists and a ForAllValues:/ForAnyValue: qualifier.',
        ),
      );
      continue;
    }
    if (!isRecord(block)) {
      out.push(
        structural(
          opAt,
          `${label} condition ${name} is ${quoteValue(block)}, not an object of condition keys and values.`,
          block,
          `Write it as ${name}: { 'service:key': value }.`,
        ),
      );
      continue;
    }
    const seenLower = new Map<string, string>();
    for (const [key, value] of Object.entries(block)) {
      const keyAt = [...opAt, key];
      if (!CONDITION_KEY.test(key)) {
        out.push(
          structural(
            keyAt,
            `${label} condition key ${quoteValue(key)} under ${name} has no service prefix; IAM requires "service:key" (Actions/Conditions must be prefaced by a vendor).`,
            key,
            `Prefix the key with its service, e.g. ${quoteValue(`aws:${key}`)} for a global key or ${quoteValue(`s3:${key}`)}.`,
          ),
        );
      }
      const earlier = seenLower.get(key.toLowerCase());
      if (earlier !== undefined) {
        out.push(
          structural(
            keyAt,
            `${label} condition ${name} has the keys ${quoteValue(earlier)} and ${quoteValue(key)}, which differ only in case; condition key names are not case-sensitive, so they are the same key twice.`,
            key,
            `Merge the two into one ${quoteValue(earlier)} entry with all the values.`,
            false,
          ),
        );
      }
      seenLower.set(key.toLowerCase(), key);
      const values = Array.isArray(value) ? value : [value];
      if (!values.every(isScalar)) {
        out.push(
          structural(
            keyAt,
            `${label} condition ${name} ${quoteValue(key)} is ${quoteValue(value)}; condition values are strings, numbers or booleans, or a list of them.`,
            value,
            `Give ${quoteValue(key)} a string or a list of strings, e.g. ["value1", "value2"].`,
          ),
        );
        continue;
      }
      out.push(...valueProblems(parsed.operator, name, key, values, keyAt, label));
    }
  }
  return out;
}

/** What each family accepts, and an example for the fix. */
const FAMILY_VALUES: Partial<
  Record<ConditionFamily, { test: (v: string | number | boolean) => boolean; kind: string; example: string }>
> = {
  numeric: {
    test: (v) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)),
    kind: 'a number',
    example: '"10"',
  },
  date: {
    test: (v) =>
      typeof v === 'number' ||
      (typeof v === 'string' &&
        (/^\d+$/.test(v) ||
          (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) &&
            !Number.isNaN(Date.parse(v))))),
    kind: 'an ISO-8601 date or epoch seconds',
    example: '"2026-01-01T00:00:00Z"',
  },
  bool: { test: isBooleanText, kind: 'true or false', example: '"true"' },
  null: { test: isBooleanText, kind: 'true (key absent) or false (key present)', example: '"true"' },
  ip: {
    test: (v) => typeof v === 'string' && (isIpv4Cidr(v) || isIpv6Cidr(v)),
    kind: 'an IP address or CIDR range',
    example: '"203.0.113.0/24"',
  },
  binary: {
    test: (v) => typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0,
    kind: 'base64 text',
    example: '"QmluYXJ5VmFsdWU="',
  },
};

function valueProblems(
  operator: ConditionOperator,
  name: string,
  key: string,
  values: readonly (string | number | boolean)[],
  at: At,
  label: string,
): GrammarProblem[] {
  const out: GrammarProblem[] = [];
  const spec = FAMILY_VALUES[operator.family];
  // AWS stores these, but the condition can never match: a Deny guarded by it never applies.
  const bad = spec ? values.filter((v) => !spec.test(v)) : [];
  if (spec && bad.length > 0) {
    out.push({
      rule: 'policy-condition-value',
      at,
      message: `${label} condition ${name} ${quoteValue(key)} has ${bad.map((v) => quoteValue(v)).join(', ')}, which is not ${spec.kind}; the condition can never match, so the statement silently does nothing.`,
      value: bad.length === 1 ? bad[0] : bad,
      fix: `Give ${name} values that are ${spec.kind}, e.g. ${spec.example}.`,
      awsRejects: false,
    });
  }
  if (
    (operator.family === 'bool' || operator.family === 'null') &&
    !operator.qualifier &&
    values.length > 1
  ) {
    out.push({
      rule: 'policy-condition-value',
      at,
      message: `${label} condition ${name} ${quoteValue(key)} has ${values.length} values; a ${operator.base} key takes a single true or false.`,
      value: values,
      fix: `Keep one value, e.g. ${name}: { ${quoteValue(key)}: 'true' }, or split the statement.`,
      awsRejects: false,
    });
  }
  return out;
}

function isBooleanText(v: string | number | boolean): boolean {
  return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v));
}

function isIpv4Cidr(v: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(v);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && (m[5] === undefined || Number(m[5]) <= 32);
}

function isIpv6Cidr(v: string): boolean {
  const m = /^([0-9A-Fa-f:.]+)(?:\/(\d{1,3}))?$/.exec(v);
  if (!m || !m[1]!.includes(':')) return false;
  const groups = m[1]!.split('::');
  if (groups.length > 2) return false;
  return m[2] === undefined || Number(m[2]) <= 128;
}
