import { type AnyStatement, asArray } from '@orgops/model';

/**
 * One policy statement read as a reviewer reads it: what it denies or allows, on what, who it
 * leaves out, which Regions it leaves allowed, and every other condition in words. A guardrail's
 * point is usually in its conditions ("Deny * unless break-glass", "Deny outside eu-west-1"), so
 * they are named, never reduced to their keys.
 */
export interface StatementWords {
  readonly effect: 'Allow' | 'Deny';
  readonly sid?: string;
  /** `Action`, or `NotAction` when {@link notAction}; undefined when the statement has neither. */
  readonly actions: readonly string[] | undefined;
  readonly notAction: boolean;
  /** `Resource` (or `NotResource`) patterns; empty when the statement names `*`. */
  readonly resources: readonly string[];
  readonly notResource: boolean;
  /** Who a Deny leaves out: principal ARN patterns, accounts, organizations, AWS services. */
  readonly exempt: readonly string[];
  /** Regions a Deny on `aws:RequestedRegion` (a negated operator) leaves allowed. */
  readonly allowedRegions?: readonly string[];
  /** Regions the statement is limited to (a positive operator on `aws:RequestedRegion`). */
  readonly onlyRegions?: readonly string[];
  /** Principals the statement is limited to (a positive principal condition), e.g. `arn:aws:iam::*:root`. */
  readonly onlyPrincipals: readonly string[];
  /** Every other condition, in words. */
  readonly conditions: readonly string[];
}

/** The policy variable a data perimeter compares with: the organization that owns the resource. */
const RESOURCE_ORG = ['$', '{aws:ResourceOrgID}'].join('');

/** Condition keys that name who makes the request, and how an exempt value of each reads. */
const PRINCIPAL_KEYS: Readonly<Record<string, (value: string) => string>> = {
  'aws:principalarn': (v) => v,
  'aws:principalaccount': (v) => `account ${v}`,
  'aws:principalorgid': (v) => (v === RESOURCE_ORG ? "the resource's organization" : `organization ${v}`),
  'aws:principalorgpaths': (v) => `organization path ${v}`,
  'aws:principalservicename': (v) => `service ${v}`,
  'aws:sourceaccount': (v) => `source account ${v}`,
  'aws:sourceorgid': (v) =>
    v === RESOURCE_ORG ? "sources in the resource's organization" : `source organization ${v}`,
  'aws:sourceorgpaths': (v) => `source organization path ${v}`,
  'aws:sourcearn': (v) => `source ${v}`,
  'aws:userid': (v) => `user id ${v}`,
  'aws:username': (v) => `user ${v}`,
};

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringNotEquals: 'is not',
  StringEqualsIgnoreCase: 'is',
  StringNotEqualsIgnoreCase: 'is not',
  StringLike: 'matches',
  StringNotLike: 'does not match',
  ArnEquals: 'is',
  ArnNotEquals: 'is not',
  ArnLike: 'matches',
  ArnNotLike: 'does not match',
  Bool: 'is',
  NumericEquals: '=',
  NumericNotEquals: '≠',
  NumericLessThan: '<',
  NumericLessThanEquals: '≤',
  NumericGreaterThan: '>',
  NumericGreaterThanEquals: '≥',
  DateEquals: 'is',
  DateNotEquals: 'is not',
  DateLessThan: 'before',
  DateLessThanEquals: 'at or before',
  DateGreaterThan: 'after',
  DateGreaterThanEquals: 'at or after',
  IpAddress: 'in',
  NotIpAddress: 'not in',
  BinaryEquals: 'is',
};

interface Operator {
  readonly base: string;
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set?: 'any' | 'all';
}

function parseOperator(operator: string): Operator {
  const set = operator.startsWith('ForAnyValue:')
    ? 'any'
    : operator.startsWith('ForAllValues:')
      ? 'all'
      : undefined;
  const bare = operator.replace(/^For(AnyValue|AllValues):/, '');
  const ifExists = bare.endsWith('IfExists');
  const base = ifExists ? bare.slice(0, -'IfExists'.length) : bare;
  return { base, negated: /Not(Equals|Like|IpAddress)/.test(base), ifExists, ...(set ? { set } : {}) };
}

function strings(value: unknown): string[] {
  return asArray(value as string | readonly string[] | undefined).map((v) => String(v));
}

/** Reads a statement into {@link StatementWords}. Never throws: documents read from AWS may be anything. */
export function statementWords(s: AnyStatement): StatementWords {
  const exempt: string[] = [];
  const onlyPrincipals: string[] = [];
  const conditions: string[] = [];
  let allowedRegions: string[] | undefined;
  let onlyRegions: string[] | undefined;
  const isDeny = s.Effect === 'Deny';
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    const op = parseOperator(operator);
    if (block === null || typeof block !== 'object') continue;
    for (const [key, raw] of Object.entries(block)) {
      const values = strings(raw);
      const lower = key.toLowerCase();
      const principal =
        PRINCIPAL_KEYS[lower] ?? (lower.startsWith('aws:principaltag/') ? tagWords(key) : undefined);
      // A negated operator with IfExists still exempts only the listed values (absent keys are denied).
      if (principal && op.negated && isDeny && !op.set) {
        exempt.push(...values.map(principal));
      } else if (
        principal &&
        !op.negated &&
        !op.set &&
        !op.ifExists &&
        op.base !== 'Bool' &&
        op.base !== 'Null'
      ) {
        onlyPrincipals.push(...values.map(principal));
      } else if (
        lower === 'aws:principalisawsservice' &&
        op.base === 'Bool' &&
        isDeny &&
        values.join() === 'false'
      ) {
        exempt.push('AWS services');
      } else if (lower === 'aws:requestedregion' && !op.set && /^String/.test(op.base)) {
        if (op.negated) allowedRegions = [...(allowedRegions ?? []), ...values];
        else onlyRegions = [...(onlyRegions ?? []), ...values];
      } else {
        conditions.push(conditionWords(op, key, values));
      }
    }
  }
  const actions =
    s.Action !== undefined ? strings(s.Action) : s.NotAction !== undefined ? strings(s.NotAction) : undefined;
  const resources = s.Resource !== undefined ? strings(s.Resource) : strings(s.NotResource);
  return {
    effect: isDeny ? 'Deny' : 'Allow',
    ...(typeof s.Sid === 'string' && s.Sid ? { sid: s.Sid } : {}),
    actions,
    notAction: s.Action === undefined && s.NotAction !== undefined,
    resources: resources.length === 1 && resources[0] === '*' && s.Resource !== undefined ? [] : resources,
    notResource: s.Resource === undefined && s.NotResource !== undefined,
    exempt: unique(exempt),
    ...(allowedRegions ? { allowedRegions: unique(allowedRegions).sort() } : {}),
    ...(onlyRegions ? { onlyRegions: unique(onlyRegions).sort() } : {}),
    onlyPrincipals: unique(onlyPrincipals),
    conditions,
  };
}

function tagWords(key: string): (value: string) => string {
  const tag = key.slice(key.indexOf('/') + 1);
  return (v) => `principals tagged ${tag}=${v}`;
}

function conditionWords(op: Operator, key: string, values: readonly string[]): string {
  if (op.base === 'Null') return `${key} is ${values.join() === 'true' ? 'absent' : 'present'}`;
  const lower = key.toLowerCase();
  if (op.base === 'Bool' && lower === 'aws:securetransport' && values.join() === 'false')
    return 'over plain HTTP';
  if (op.base === 'Bool' && lower === 'aws:multifactorauthpresent' && values.join() === 'false')
    return 'without MFA';
  const words = OPERATOR_WORDS[op.base] ?? op.base;
  const set = op.set === 'any' ? 'any of ' : op.set === 'all' ? 'all of ' : '';
  const ifExists = op.ifExists ? ' (when present)' : '';
  const shown = briefList(values, 3);
  return `${set}${key} ${words} ${values.length > 1 ? `one of ${shown}` : shown}${ifExists}`;
}

/** `a, b, c +2 more`. */
export function briefList(items: readonly string[], shown: number): string {
  const list = unique(items);
  return `${list.slice(0, shown).join(', ')}${list.length > shown ? ` +${list.length - shown} more` : ''}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** What a statement's actions read as: `s3:DeleteBucket, s3:DeleteObject`, `everything except iam:*`. */
export function actionWords(w: StatementWords): string {
  if (w.actions === undefined) return '(no Action)';
  if (w.notAction)
    return w.actions.length > 0 ? `everything except ${briefList(w.actions, 3)}` : 'every action';
  return w.actions.length > 0 ? briefList(w.actions, 3) : '(no actions)';
}

/**
 * Everything about a statement but its effect and actions: `on …`, Regions, conditions and who is
 * exempt. Two statements with the same tail read as one sentence in a summary.
 */
export function tailWords(w: StatementWords): string {
  const parts: string[] = [];
  if (w.resources.length > 0)
    parts.push(
      w.notResource
        ? ` on every resource except ${briefList(w.resources, 2)}`
        : ` on ${briefList(w.resources, 2)}`,
    );
  if (w.onlyPrincipals.length > 0) parts.push(` for ${briefList(w.onlyPrincipals, 3)}`);
  if (w.allowedRegions) parts.push(` outside Regions ${briefList(w.allowedRegions, 6)}`);
  if (w.onlyRegions) parts.push(` in Regions ${briefList(w.onlyRegions, 6)}`);
  if (w.conditions.length > 0)
    parts.push(` when ${w.conditions.slice(0, 3).join(' and ')}${w.conditions.length > 3 ? ' …' : ''}`);
  if (w.exempt.length > 0) parts.push(` (exempt: ${briefList(w.exempt, 3)})`);
  return parts.join('');
}

/** One statement in one line: `Deny cloudtrail:StopLogging (exempt: arn:aws:iam::*:role/break-glass)`. */
export function statementSentence(w: StatementWords): string {
  return `${w.effect} ${actionWords(w)}${tailWords(w)}`;
}

/**
 * Statements of one effect as few sentences as possible: statements sharing their conditions and
 * exemptions read as one, `Deny a, b; c +1 more (exempt: x)`.
 */
export function describeStatementGroup(
  effect: 'Allow' | 'Deny',
  statements: readonly AnyStatement[],
): string {
  const groups = new Map<string, string[]>();
  for (const s of statements) {
    const w = statementWords(s);
    const tail = tailWords(w);
    groups.set(tail, [...(groups.get(tail) ?? []), actionWords(w)]);
  }
  const sentences = [...groups].map(([tail, phrases]) => {
    const list = unique(phrases);
    const shown = list.slice(0, 2).join('; ');
    const more = list.length > 2 ? `; +${list.length - 2} more` : '';
    return `${effect} ${shown || '(no actions)'}${more}${tail}`;
  });
  const shown = sentences.slice(0, 3).join('; ');
  return sentences.length > 3 ? `${shown}; +${sentences.length - 3} more` : shown;
}
