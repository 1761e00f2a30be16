import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../src/io.ts';
import { main } from '../src/main.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const workspaceRoot = join(packageDir, '..', '..');

/**
 * A scratch directory inside the cli package, so fixture configs resolve `@orgops/model` through
 * the package's node_modules like a real config package does.
 */
export function scratchDir(): { dir: string; cleanup: () => void } {
  mkdirSync(join(packageDir, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(packageDir, '.tmp', 'case-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a fixture tree: path -> file content. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, from the workspace root, with captured output. */
export async function orgops(
  args: string[],
  options: { interactive?: boolean; answer?: string | null; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const io = memoryIo(options);
  const code = await main(args, { io, cwd: workspaceRoot, env: { ...options.env } });
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The CLI as a real process (`node --import tsx packages/cli/src/bin.ts`), from the workspace root. */
export function spawnOrgops(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a spawned CLI to exit, collecting its output. */
export function finished(child: ChildProcess): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}
