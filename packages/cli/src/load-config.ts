import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type DesiredState,
  diagnostic,
  type OrganizationConfig,
  type Result,
  validateConfig,
} from '@orgops/model';
import { configModuleCache } from './config-module-cache.ts';
import { locateLoadFailure } from './load-error.ts';

/** Where orgops looks for the organization when `--config` is not given. */
export const DEFAULT_CONFIG = 'accounts';
const ENTRY_CANDIDATES = ['src/index.ts', 'index.ts', 'orgops.config.ts', 'src/index.js', 'index.js'];

export interface LoadedConfig {
  readonly file: string;
  readonly config: OrganizationConfig;
  readonly desired: DesiredState;
}

/** Finds the repository root (the directory with pnpm-workspace.yaml), or undefined. */
export function findWorkspaceRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Resolves `--config` (a file, or a package directory with src/index.ts) to an entry file. */
export function resolveConfigEntry(configPath: string | undefined, cwd: string): string | undefined {
  const base = configPath ? resolve(cwd, configPath) : resolve(findWorkspaceRoot(cwd) ?? cwd, DEFAULT_CONFIG);
  if (!existsSync(base)) return undefined;
  if (statSync(base).isFile()) return base;
  for (const candidate of ENTRY_CANDIDATES) {
    const file = join(base, candidate);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Loads and validates the config. Never throws: a missing file, a module that fails to load (a
 * syntax error, a bad import) or an invalid organization all come back as diagnostics.
 */
export async function loadConfig(configPath: string | undefined, cwd: string): Promise<Result<LoadedConfig>> {
  const file = resolveConfigEntry(configPath, cwd);
  if (!file) {
    const shown = configPath ?? `${DEFAULT_CONFIG}/ (from the workspace root)`;
    return {
      ok: false,
      warnings: [],
      errors: [
        diagnostic('error', 'config-not-found', {
          message: `No organization config found at ${shown}.`,
          path: shown,
          fix: `Pass --config with a file or a package directory containing ${ENTRY_CANDIDATES.join(', ')}; run \`orgops import --out DIR\` to generate one from a live organization.`,
        }),
      ],
    };
  }
  let mod: { default?: unknown };
  try {
    mod = (loadedModules.get(file) as { default?: unknown } | undefined) ?? (await importConfig(file));
  } catch (err) {
    const failure = locateLoadFailure(err);
    return {
      ok: false,
      warnings: [],
      errors: [
        diagnostic('error', 'config-load-failed', {
          message: `Could not load the config: ${failure.summary}`,
          path: failure.site ? '' : file,
          ...(failure.site ? { site: failure.site } : {}),
          fix: /Cannot find (module|package)/.test((err as Error).message)
            ? 'Install the missing package in the config package (`pnpm install`), or fix the import path.'
            : `Fix the ${failure.site ? 'line shown' : 'error in the config module'} (\`pnpm typecheck\` shows every TypeScript error with its location).`,
        }),
      ],
    };
  }
  // tsImport of an ESM module may wrap the default export once more.
  const value = unwrapDefault(mod);
  const result = validateConfig(value, { file });
  if (!result.ok) return result;
  return { ok: true, warnings: result.warnings, value: { file, ...result.value } };
}

/** Config modules already imported by this process, reused while none of their files changed. */
const loadedModules = configModuleCache();

async function importConfig(file: string): Promise<{ default?: unknown }> {
  // Builders record where each object was defined from the stack; source maps make those
  // TypeScript lines rather than lines of the transpiled output.
  process.setSourceMapsEnabled(true);
  registerResolveFallback();
  const { tsImport } = await import('tsx/esm/api');
  // A host that installs its own Error.prepareStackTrace (a test runner, source-map-support)
  // would bypass Node's source maps, and every site would point at line 1 of tsx's output.
  const hostTrace = Error.prepareStackTrace;
  Reflect.deleteProperty(Error, 'prepareStackTrace');
  const urls: string[] = [];
  try {
    const mod = (await tsImport(pathToFileURL(file).href, {
      parentURL: import.meta.url,
      onImport: (url) => urls.push(url),
    })) as { default?: unknown };
    loadedModules.set(file, mod, urls);
    return mod;
  } finally {
    if (hostTrace) Error.prepareStackTrace = hostTrace;
  }
}

function unwrapDefault(mod: { default?: unknown }): unknown {
  let value: unknown = mod.default ?? mod;
  for (let i = 0; i < 2; i++) {
    if (value && typeof value === 'object' && 'default' in value && !('kind' in value))
      value = (value as { default: unknown }).default;
  }
  return value;
}

let fallbackRegistered = false;

/** Lets configs outside any workspace package import `@orgops/model` (see config-resolve-hook.mjs). */
function registerResolveFallback(): void {
  if (fallbackRegistered) return;
  fallbackRegistered = true;
  register(new URL('./config-resolve-hook.mjs', import.meta.url), {
    data: { fallbackParent: import.meta.url },
  });
}
