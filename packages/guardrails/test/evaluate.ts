import { asArray } from '@orgops/model';
import { statements } from './iam-catalogue.ts';

/**
 * A deliberately small evaluator for the Deny side of SCPs and RCPs, enough for compliant /
 * non-compliant assertions on the guardrails: action and resource wildcards, NotAction, policy
 * variables in condition values, and the condition operators the blocks use. Unknown operators
 * throw, so a block cannot quietly escape evaluation.
 */
export interface Request {
  readonly action: string;
  readonly principalArn: string;
  readonly resource?: string;
  /** Request context: condition key -> value(s). Keys absent here are absent from the request. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

const CASE_INSENSITIVE_KEYS = true;

function like(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'is' : 's').test(value);
}

function contextValue(request: Request, key: string): readonly string[] | undefined {
  const ctx: Record<string, string | readonly string[]> = {
    'aws:PrincipalArn': request.principalArn,
    ...request.context,
  };
  const found = Object.keys(ctx).find((k) =>
    CASE_INSENSITIVE_KEYS ? k.toLowerCase() === key.toLowerCase() : k === key,
  );
  if (found === undefined) return undefined;
  return asArray(ctx[found] as string | readonly string[]);
}

function substitute(value: string, request: Request): string | undefined {
  let missing = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_, key: string) => {
    const v = contextValue(request, key);
    if (v?.length !== 1) {
      missing = true;
      return '';
    }
    return v[0] as string;
  });
  return missing ? undefined : out;
}

type Matcher = (actual: string, expected: string) => boolean;

const POSITIVE: Readonly<Record<string, Matcher>> = {
  StringEquals: (a, e) => a === e,
  StringLike: (a, e) => like(e, a, false),
  ArnEquals: (a, e) => a === e,
  ArnLike: (a, e) => like(e, a, false),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  NumericLessThan: (a, e) => Number(a) < Number(e),
};

const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

function conditionHolds(
  operatorName: string,
  key: string,
  expected: readonly string[],
  request: Request,
): boolean {
  if (operatorName === 'Null') {
    const absent = contextValue(request, key) === undefined;
    return expected.some((e) => (e === 'true') === absent);
  }
  const ifExists = operatorName.endsWith('IfExists');
  const op = ifExists ? operatorName.slice(0, -'IfExists'.length) : operatorName;
  const actual = contextValue(request, key);
  const negatedBase = NEGATED[op];
  if (actual === undefined) return ifExists || negatedBase !== undefined;
  const base = POSITIVE[negatedBase ?? op];
  if (!base) throw new Error(`evaluate: unsupported condition operator ${operatorName}`);
  const values = expected.map((e) => substitute(e, request));
  // A value whose policy variable cannot be resolved matches nothing.
  const matches = actual.some((a) => values.some((e) => e !== undefined && base(a, e)));
  return negatedBase ? !matches : matches;
}

/** True when some Deny statement of the document applies to the request. */
export function isDenied(content: unknown, request: Request): boolean {
  return deniedBy(content, request).length > 0;
}

/** Sids of the Deny statements that apply. */
export function deniedBy(content: unknown, request: Request): string[] {
  const hits: string[] = [];
  for (const s of statements(content)) {
    if (s.Effect !== 'Deny') continue;
    const actionMatch =
      s.Action !== undefined
        ? asArray(s.Action).some((a) => like(a, request.action, true))
        : !asArray(s.NotAction).some((a) => like(a, request.action, true));
    if (!actionMatch) continue;
    const resource = request.resource ?? '*';
    const resourceMatch = asArray(s.Resource ?? '*').some((r) => r === '*' || like(r, resource, false));
    if (!resourceMatch) continue;
    const conditionsHold = Object.entries(s.Condition ?? {}).every(([op, keys]) =>
      Object.entries(keys).every(([key, value]) =>
        conditionHolds(op, key, asArray(value as string | readonly string[]).map(String), request),
      ),
    );
    if (conditionsHold) hits.push(s.Sid ?? '(no sid)');
  }
  return hits;
}
