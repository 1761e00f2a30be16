import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalize, type OrganizationConfig } from '@orgops/model';
import { type NamespacedUnregister, register } from 'tsx/esm/api';
import ts from 'typescript';
import { plan } from '../planner/index.ts';
import type { Snapshot } from '../snapshot.ts';
import type { GeneratedFile } from './generate-config.ts';

/**
 * Generated config is evaluated for real: written under packages/engine/.orgops/ (git-ignored, and
 * inside the package so `@orgops/model` resolves exactly as it does for a user's config) and imported
 * through tsx.
 */
const ENGINE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCRATCH_DIR = join(ENGINE_DIR, '.orgops', `import-test-${process.pid}`);

let counter = 0;

export function writeGenerated(files: readonly GeneratedFile[]): string {
  const dir = join(SCRATCH_DIR, `case-${++counter}`);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

export async function removeScratch(): Promise<void> {
  await loader?.unregister();
  loader = undefined;
  rmSync(SCRATCH_DIR, { recursive: true, force: true });
  try {
    rmdirSync(dirname(SCRATCH_DIR)); // only when no other test file still has cases there
  } catch {}
}

let loader: NamespacedUnregister | undefined;

/**
 * Imports the generated `index.ts` and returns its default export. One tsx namespace serves every
 * case, so the model is loaded once while each case's files (new paths) load fresh.
 */
export async function evaluate(dir: string): Promise<OrganizationConfig> {
  loader ??= register({ namespace: `orgops-import-test-${process.pid}` });
  const mod = (await loader.import(pathToFileURL(join(dir, 'index.ts')).href, import.meta.url)) as {
    default: OrganizationConfig;
  };
  return mod.default;
}

/** Every change planning `config` against `snapshot` would make, as `action address`. */
export function changesOf(config: OrganizationConfig, snapshot: Snapshot): string[] {
  const result = plan({ desired: normalize(config), snapshot, toolVersion: 'test', now: new Date(0) });
  if (!result.ok)
    throw new Error(`plan failed:\n${result.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);
  return result.value.phases.flatMap((p) => p.changes.map((c) => `${c.action} ${c.address}`));
}

/** Type errors in the generated files under `dirs`, checked with the repository's compiler settings. */
export function typeErrors(dirs: readonly string[]): string[] {
  const roots = dirs.map((d) => join(d, 'index.ts'));
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    noUnusedLocals: true,
    lib: ['lib.es2023.d.ts'],
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(SCRATCH_DIR))
    .map((d) => {
      const where =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const file = d.file ? d.file.fileName.slice(SCRATCH_DIR.length + 1) : '?';
      return `${file}:${where ? where.line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

const REPO_DIR = resolve(ENGINE_DIR, '../..');

/** What Biome (the repository's formatter and linter) finds wrong with the files in `dir`; empty when clean. */
export function biomeFindings(dir: string): string {
  try {
    execFileSync(
      join(REPO_DIR, 'node_modules/.bin/biome'),
      ['check', '--config-path', join(REPO_DIR, 'biome.json'), dir],
      {
        stdio: 'pipe',
        encoding: 'utf8',
      },
    );
    return '';
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}`.replace(/^.*DEPRECATED[\s\S]*?biome migrate\s*/m, '');
  }
}
