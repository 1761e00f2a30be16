import { type Diagnostic, diagnostic } from '@orgops/model';
import type * as z from 'zod';
import { isRecord, locateChange } from './locate.ts';

const FIX =
  'Plan files are written by orgops and must not be edited: make a new plan with `orgops plan --out FILE`.';
/** A broken file can fail every check; the first few say enough. */
const MAX_REPORTED = 20;

/**
 * Maps schema issues to `plan-file-invalid` errors that name the change (phase, position,
 * address), the field inside it and the bad value.
 */
export function planSchemaDiagnostics(
  file: string,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): Diagnostic[] {
  const out = issues.slice(0, MAX_REPORTED).flatMap((issue) => toDiagnostics(file, data, issue));
  if (issues.length > MAX_REPORTED) {
    out.push(
      diagnostic('error', 'plan-file-invalid', {
        message: `${file}: and ${issues.length - MAX_REPORTED} more problems.`,
        path: file,
        fix: FIX,
      }),
    );
  }
  return out;
}

function toDiagnostics(file: string, data: unknown, issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { where, field, jsonPath } = describePath(data, path);
  const value = valueAt(data, path);
  const subject = field ? `${where}: ${field}` : where;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      diagnostic('error', 'plan-file-invalid', {
        message: `${file}: ${where}: unknown field ${field ? `${field}.` : ''}${key}.`,
        path: join(jsonPath, key),
        value: isRecord(value) ? value[key] : undefined,
        fix: FIX,
      }),
    );
  }
  return [
    diagnostic('error', 'plan-file-invalid', {
      message: `${file}: ${subject} ${explain(issue, value)}.`,
      path: jsonPath,
      value,
      fix: FIX,
    }),
  ];
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type')
    return `is missing (expected ${expected(issue.expected)})`;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${expected(issue.expected)}, but it is ${describe(value)}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, but it is ${describe(value)}`;
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator
        ? `is ${describe(value)}, which is not a known ${issue.discriminator}`
        : `has none of the allowed shapes (${describe(value)})`;
    default:
      // Messages of the plan schema's own checks read "must …"; zod's read "Invalid …".
      return /^must /.test(issue.message) ? issue.message : `is invalid (${issue.message})`;
  }
}

/** `phase create-accounts, change 2 (account/x)` + `account.email`, or a path outside the changes. */
function describePath(
  data: unknown,
  path: readonly PropertyKey[],
): { where: string; field: string; jsonPath: string } {
  const [top, phase, changes, index, ...rest] = path;
  if (top === 'phases' && typeof phase === 'number' && changes === 'changes' && typeof index === 'number') {
    const at = locateChange(data, phase, index);
    return { where: at.words, field: dotted(rest), jsonPath: join(at.path, dotted(rest)) };
  }
  return { where: 'the plan', field: dotted(path), jsonPath: dotted(path) };
}

function dotted(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

function join(base: string, rest: string): string {
  if (!rest) return base;
  return rest.startsWith('[') || !base ? `${base}${rest}` : `${base}.${rest}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isRecord(v) && typeof p === 'string') v = Object.hasOwn(v, p) ? v[p] : undefined;
    else return undefined;
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function expected(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'record' || type === 'object') return 'an object';
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;
}
