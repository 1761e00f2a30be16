import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { askOnce } from '../src/io.ts';
import { orgops, scratchDir, workspaceRoot } from './harness.ts';

const scratch = scratchDir();
afterAll(scratch.cleanup);

describe('the approval prompt', () => {
  it('treats Ctrl-C at a real terminal as "cancelled, nothing changed" (exit 130), not an internal error', () => {
    const sandbox = join(scratch.dir, 'pty-sandbox.json');
    const result = spawnSync(
      'python3',
      [
        join(workspaceRoot, 'packages/cli/test/fixtures/pty-run.py'),
        "Only 'yes' is accepted",
        '\\x03',
        '--',
        process.execPath,
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'apply',
        '--sandbox-file',
        sandbox,
      ],
      { cwd: workspaceRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 150_000 },
    );
    expect(result.error, 'python3 runs the command on a pseudo-terminal').toBeUndefined();
    expect(result.stdout).toContain('TYPED:True');
    expect(result.stdout).not.toMatch(/internal error|AbortError/);
    expect(result.stdout).toContain('Apply cancelled at the prompt. Nothing was changed.');
    expect(result.stdout).toMatch(/EXIT:130\s*$/);
    const state = JSON.parse(readFileSync(sandbox, 'utf8')) as { ous: unknown[] };
    expect(state.ous).toEqual([]);
    expect(existsSync(`${sandbox}.lock`)).toBe(false);
  }, 180_000);

  it('answers undefined for Ctrl-C and for end of input, and the answer otherwise', async () => {
    const session = () => {
      const input = new PassThrough();
      return { input, rl: createInterface({ input, output: new PassThrough() }) };
    };
    const interrupted = session();
    const a = askOnce(interrupted.rl, 'Apply? ');
    interrupted.rl.emit('SIGINT');
    expect(await a).toBeUndefined();
    const eof = session();
    const b = askOnce(eof.rl, 'Apply? ');
    eof.input.end();
    expect(await b).toBeUndefined();
    const typed = session();
    const c = askOnce(typed.rl, 'Apply? ');
    typed.input.write('yes\n');
    expect(await c).toBe('yes');
  });

  it('cancels in-process too when the prompt is interrupted', async () => {
    const sandbox = join(scratch.dir, 'memory-sandbox.json');
    const run = await orgops(['apply', '--sandbox-file', sandbox], { interactive: true, answer: null });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Apply cancelled at the prompt. Nothing was changed.');
  }, 60_000);
});
