import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A copy of the workspace's shape in a temporary directory: the real biome.json, the relative-import
 * plugins, pnpm-workspace.yaml and every package.json, so a probe file can be linted with the real
 * rules without touching the tree.
 */
export function copyWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'orgops-boundaries-'));
  for (const file of ['biome.json', 'pnpm-workspace.yaml', 'package.json']) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  cpSync(join(repoRoot, 'packages/boundaries/grit'), join(root, 'packages/boundaries/grit'), {
    recursive: true,
  });
  const dirs = [
    'accounts',
    'policies',
    ...readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}`),
  ];
  for (const dir of dirs) {
    mkdirSync(join(root, dir), { recursive: true });
    cpSync(join(repoRoot, dir, 'package.json'), join(root, dir, 'package.json'));
  }
  return root;
}

export function writeFile(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

export interface Finding {
  readonly path: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** Runs the workspace's biome on `paths` inside `root`; its diagnostics, errors only. */
export function lint(root: string, paths: readonly string[]): Finding[] {
  let out: string;
  try {
    out = execFileSync(join(repoRoot, 'node_modules/.bin/biome'), ['lint', '--reporter=json', ...paths], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as {
    diagnostics: {
      severity: string;
      category: string;
      message: string;
      location: { path: string; start: { line: number } };
    }[];
  };
  return report.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      path: d.location.path,
      line: d.location.start.line,
      rule: d.category,
      message: d.message,
    }));
}
