import type * as z from 'zod';
import { closest } from '../closest.ts';
import { type Diagnostic, diagnostic } from '../diagnostic.ts';
import { BUILDER_FOR_KIND } from './builder-help.ts';
import { describe } from './describe.ts';
import { keySegment } from './paths.ts';
import { isObject, readablePath } from './readable-path.ts';
import { KNOWN_KEYS } from './schema.ts';

/** Codes reported before the rules run, documented in the README next to {@link RULES}. */
export const SCHEMA_CODES = {
  notOrganization: 'config-not-organization',
  missingField: 'schema-missing-field',
  invalidType: 'schema-invalid-type',
  invalidValue: 'schema-invalid-value',
  unknownKey: 'schema-unknown-key',
} as const;

/** Maps zod issues to diagnostics that name the readable path, the bad value and a concrete fix. */
export function schemaDiagnostics(root: unknown, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  return issues.flatMap((issue) => toDiagnostics(root, issue));
}

function toDiagnostics(root: unknown, issue: z.core.$ZodIssue): Diagnostic[] {
  const at = readablePath(root, issue.path);
  const container = readablePath(root, issue.path.slice(0, -1)).value;
  const key = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  const builder = builderHint(container);

  if (issue.code === 'unrecognized_keys') {
    const kind = isObject(at.value) && typeof at.value.kind === 'string' ? at.value.kind : undefined;
    const known = (kind && KNOWN_KEYS[kind]) || [];
    return issue.keys.map((unknownKey) => {
      const suggestion = closest(unknownKey, known);
      return diagnostic('error', SCHEMA_CODES.unknownKey, {
        message: `Unknown key "${unknownKey}" in ${at.path || 'the organization config'}${kind ? ` (${article(kind)} object)` : ''}.`,
        path: join(at.path, unknownKey),
        site: at.site,
        value: isObject(at.value) ? at.value[unknownKey] : undefined,
        fix: `${suggestion ? `Rename it to "${suggestion}"` : `Remove "${unknownKey}"`}${known.length ? `; ${kind} objects accept: ${known.filter((k) => k !== 'kind' && k !== 'site').join(', ')}` : ''}.`,
      });
    });
  }

  const missing = at.value === undefined && issue.path.length > 0;
  if (
    missing &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'custom')
  ) {
    return [
      diagnostic('error', SCHEMA_CODES.missingField, {
        message: `${at.path} is missing${issue.code === 'invalid_type' ? `: expected ${expectedLabel(issue.expected)}` : ''}.`,
        path: at.path,
        site: at.site,
        value: undefined,
        fix: `Add "${key}"${builder ? `, or create the object with ${builder}, which fills in defaults` : ''}.`,
      }),
    ];
  }

  const custom = /^(must|is) /.test(issue.message) ? issue.message : undefined;
  if (issue.code === 'invalid_type') {
    const wanted = custom ?? `must be ${expectedLabel(issue.expected)}`;
    return [
      diagnostic('error', SCHEMA_CODES.invalidType, {
        message: `${at.path} ${wanted}, but it is ${describe(at.value)}.`,
        path: at.path,
        site: at.site,
        value: at.value,
        fix: custom
          ? `Make ${at.path} a value that ${custom.replace(/^must be /, 'is ')}.`
          : `Set ${at.path} to ${expectedLabel(issue.expected)}${builder ? ` (${builder} produces the right shape)` : ''}.`,
      }),
    ];
  }

  if (issue.code === 'invalid_value' && key === 'kind') {
    const wanted = issue.values.map((v) => JSON.stringify(v)).join(' or ');
    const expectedKind = typeof issue.values[0] === 'string' ? issue.values[0] : undefined;
    const hint = expectedKind ? BUILDER_FOR_KIND[expectedKind] : undefined;
    return [
      diagnostic('error', SCHEMA_CODES.invalidType, {
        message: `${readablePath(root, issue.path.slice(0, -1)).path || 'The config'} is ${describeKind(container)} where ${article(expectedKind ?? wanted)} is expected (kind must be ${wanted}).`,
        path: at.path,
        site: at.site,
        value: at.value,
        fix: hint ? `Create it with ${hint}.` : `Use an object of kind ${wanted}.`,
      }),
    ];
  }

  const wanted =
    custom ??
    (issue.code === 'invalid_value'
      ? `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
      : `is invalid (${issue.message})`);
  const unionTarget = issue.code === 'invalid_union';
  return [
    diagnostic('error', unionTarget ? SCHEMA_CODES.invalidType : SCHEMA_CODES.invalidValue, {
      message: `${at.path || 'The config'} ${wanted}${at.value === undefined ? '' : `; got ${describe(at.value)}`}.`,
      path: at.path,
      site: at.site,
      value: at.value,
      fix:
        issue.code === 'invalid_value'
          ? `Use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`
          : `Fix ${at.path || 'the config'} so that it ${wanted.replace(/^must be /, 'is ').replace(/^is required$/, 'is set')}.`,
    }),
  ];
}

function builderHint(container: unknown): string | undefined {
  return isObject(container) && typeof container.kind === 'string'
    ? BUILDER_FOR_KIND[container.kind]
    : undefined;
}

function describeKind(value: unknown): string {
  if (isObject(value) && typeof value.kind === 'string') return article(value.kind);
  return describe(value);
}

function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function expectedLabel(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'record':
    case 'object':
      return 'an object';
    default:
      return article(expected);
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}${keySegment(key)}`;
}
