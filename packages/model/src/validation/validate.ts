import type { DesiredState } from '../desired-state.ts';
import { type Diagnostic, diagnostic, type Result } from '../diagnostic.ts';
import { collect, normalize } from '../normalize.ts';
import type { OrganizationConfig } from '../organization.ts';
import { describe } from './describe.ts';
import { isObject } from './readable-path.ts';
import type { RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import { organizationSchema } from './schema.ts';
import { SCHEMA_CODES, schemaDiagnostics } from './schema-diagnostics.ts';
import { parentChainDiagnostics } from './structure.ts';

export const INTERNAL_ERROR_CODE = 'internal-error';

export interface ValidateOptions {
  /**
   * The config module's file. Diagnostics about objects without a captured site (plain objects,
   * schema errors) point at this file with `line: 0`, meaning "line unknown".
   */
  readonly file?: string;
}

export interface ValidatedConfig {
  /** The config exactly as given (same object identities), now known to be well-formed. */
  readonly config: OrganizationConfig;
  readonly desired: DesiredState;
}

/**
 * Validates a config module's default export and normalizes it. Never throws: problems come back
 * as diagnostics, each with the path inside the config, the object's file and line, the bad value
 * and a fix. Pipeline: shape (schema) -> collect + normalize -> every rule in {@link RULES}.
 * Rules only run on a config the schema accepted; warnings never make the result fail.
 *
 * @example
 * const result = validateConfig(module.default, { file: 'accounts/src/index.ts' });
 * if (!result.ok) for (const e of result.errors) console.error(`${e.code} ${e.path}: ${e.message}\n  fix: ${e.fix}`);
 */
export function validateConfig(value: unknown, options: ValidateOptions = {}): Result<ValidatedConfig> {
  let diagnostics: Diagnostic[];
  let validated: ValidatedConfig | undefined;
  try {
    ({ diagnostics, validated } = run(value));
  } catch (err) {
    diagnostics = [internalError('validation', err)];
    validated = undefined;
  }
  const located = diagnostics.map((d) => {
    const site =
      d.site ?? (options.file === undefined ? undefined : { file: options.file, line: 0, column: 0 });
    return { ...d, site, value: printable(d.value) };
  });
  const errors = located.filter((d) => d.severity === 'error');
  const warnings = located.filter((d) => d.severity === 'warning');
  if (errors.length > 0 || !validated) return { ok: false, errors, warnings };
  return { ok: true, value: validated, warnings };
}

function run(value: unknown): { diagnostics: Diagnostic[]; validated?: ValidatedConfig } {
  const notOrg = notAnOrganization(value);
  if (notOrg) return { diagnostics: [notOrg] };
  const chains = parentChainDiagnostics(value);
  if (chains.length > 0) return { diagnostics: chains };
  const parsed = organizationSchema.safeParse(value);
  if (!parsed.success) return { diagnostics: schemaDiagnostics(value, parsed.error.issues) };

  // The parsed copy would break object identity, which collect() and the rules rely on.
  const config = value as OrganizationConfig;
  const collected = collect(config);
  const desired = normalize(config, collected);
  const ctx: RuleContext = { config, collected, desired };
  const diagnostics = RULES.flatMap((rule) => {
    try {
      return rule.check(ctx);
    } catch (err) {
      return [internalError(rule.code, err)];
    }
  });
  return { diagnostics, validated: { config, desired } };
}

function notAnOrganization(value: unknown): Diagnostic | undefined {
  if (isObject(value) && value.kind === 'organization') return undefined;
  const wrapped = isObject(value) && isObject(value.default) && value.default.kind === 'organization';
  const what = isObject(value) && typeof value.kind === 'string' ? `a ${value.kind} object` : describe(value);
  return diagnostic('error', SCHEMA_CODES.notOrganization, {
    message: wrapped
      ? 'The config is a module namespace; its `default` export is the organization.'
      : `The config must be the organization returned by defineOrganization(...), but it is ${what}.`,
    path: '',
    value: value !== null && typeof value === 'object' ? describe(value) : value,
    fix: wrapped
      ? "Pass the module's default export (`(await import(file)).default`) rather than the module itself."
      : 'Make the config module end with `export default defineOrganization({ policyTypes, root, organizationalUnits, accounts, ... })`.',
  });
}

/** Diagnostic values are printed and serialized; a value JSON cannot carry is described instead. */
function printable(value: unknown): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return describe(value);
  }
}

function internalError(where: string, err: unknown): Diagnostic {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return diagnostic('error', INTERNAL_ERROR_CODE, {
    message: `Validation failed unexpectedly in ${where}: ${detail}. This is a bug in orgops, not necessarily in the config.`,
    path: '',
    value: undefined,
    fix: 'Report it with the config that triggers it; meanwhile look for unusual values (getters, class instances, cyclic objects) in the config.',
  });
}
