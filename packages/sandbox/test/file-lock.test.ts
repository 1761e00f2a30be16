import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOrgopsError } from '@orgops/model';
import { describe, expect, it } from 'vitest';
import { acquireFileLock } from '../src/file-lock.ts';
import { openSandbox } from '../src/index.ts';
import type { SandboxState } from '../src/state.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = () => mkdtemp(join(tmpdir(), 'orgops-lock-'));

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrgopsError(err)) throw new Error(`expected an OrgopsError, got ${String(err)}`);
  return err;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function writeLock(file: string, holder: { pid: number; host: string }): void {
  writeFileSync(
    `${file}.lock`,
    JSON.stringify({ ...holder, command: 'orgops apply --auto-approve', since: '2026-11-02T10:00:00.000Z' }),
  );
}

describe('the sandbox file lock', () => {
  it('makes a second writer wait, then refuses it naming the holder: pid, host, command and since when', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const first = await acquireFileLock(file, { command: 'orgops apply --auto-approve' });
    const started = Date.now();
    const err = await rejection(acquireFileLock(file, { waitMs: 300, pollMs: 20 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(err.code).toBe('sandbox-locked');
    expect(err.message).toContain(`pid ${process.pid} on ${hostname()}`);
    expect(err.message).toContain('`orgops apply --auto-approve`');
    expect(err.message).toContain(`since ${first.holder.since}`);
    expect(err.message).toContain('Wait for it to finish');
    first.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives the lock to a waiting writer as soon as the holder releases it', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const first = await acquireFileLock(file);
    setTimeout(() => first.release(), 150);
    const second = await acquireFileLock(file, { waitMs: 5000, pollMs: 10 });
    expect(second.tookOverFrom).toBeUndefined();
    second.release();
  });

  it('takes over the lock of a process that died, saying whose it was', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const pid = deadPid();
    writeLock(file, { pid, host: hostname() });
    const lock = await acquireFileLock(file, { waitMs: 0 });
    expect(lock.tookOverFrom?.pid).toBe(pid);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('never takes over a lock held on another host, and says how to clear it', async () => {
    const file = join(await scratch(), 'sandbox.json');
    writeLock(file, { pid: 1, host: 'build-agent-7' });
    const err = await rejection(acquireFileLock(file, { waitMs: 50, pollMs: 10 }));
    expect(err.message).toContain('pid 1 on build-agent-7');
    expect(err.message).toContain(`delete ${file}.lock`);
  });

  it('keeps processes that race for one stale lock mutually exclusive', async () => {
    const dir = await scratch();
    const file = join(dir, 'sandbox.json');
    const log = join(dir, 'log.txt');
    writeFileSync(log, '');
    const dead = deadPid();
    writeLock(file, { pid: dead, host: hostname() });
    const child = join(packageDir, 'test', 'fixtures', 'lock-child.ts');
    const codes = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<number | null>((resolve) => {
            const p = spawn(process.execPath, ['--import', 'tsx', child, file, log, '60'], {
              cwd: packageDir,
              stdio: 'inherit',
            });
            p.on('exit', resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let i = 0; i < lines.length; i += 2) {
      const pid = lines[i]!.split(' ')[1];
      expect(lines[i]).toMatch(/^enter \d+/);
      expect(lines[i + 1]).toBe(`leave ${pid}`);
    }
    expect(lines.filter((l) => l.includes(`took-over ${dead}`))).toHaveLength(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});

describe('a sandbox opened for changes', () => {
  it('has each call on disk when the call returns, and frees the lock on close', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const sb = await openSandbox(file, { lock: { command: 'test' } });
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    const root = (await sb.organizations.listRoots())[0]!;
    const ou = await sb.organizations.createOrganizationalUnit(root.id, 'Workloads', {});
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
    expect(onDisk.ous.map((o) => o.id)).toEqual([ou.id]);
    await sb.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('leaves the file byte for byte as it was when the run only read', async () => {
    const file = join(await scratch(), 'sandbox.json');
    await (await openSandbox(file, { lock: true })).close();
    const before = readFileSync(file, 'utf8');
    const sb = await openSandbox(file, { lock: true });
    await sb.organizations.listAccounts();
    await sb.close();
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a second writer while open, and a read-only sandbox refuses to write', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const writer = await openSandbox(file, { lock: true });
    const err = await rejection(openSandbox(file, { lock: { waitMs: 50 } }));
    expect(err.code).toBe('sandbox-locked');
    const reader = await openSandbox(file);
    expect((await rejection(reader.flush())).code).toBe('sandbox-read-only');
    await writer.close();
  });

  it('completes requests a killed run left in progress, as AWS would have', async () => {
    const file = join(await scratch(), 'sandbox.json');
    const sb = await openSandbox(file, { lock: true });
    const started = await sb.organizations.createAccount({ name: 'app', email: 'app@example.com', tags: {} });
    expect(started.state).toBe('IN_PROGRESS');
    // The run dies here: nobody polls the request again, and the lock is left behind.
    writeLock(file, { pid: deadPid(), host: hostname() });
    const reader = await openSandbox(file);
    expect((await reader.organizations.listAccounts()).map((a) => a.email)).toContain('app@example.com');
    const next = await openSandbox(file, { lock: true });
    const state = next.exportState();
    expect(state.createAccountRequests.map((r) => r.state)).toEqual(['SUCCEEDED']);
    await next.close();
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
    expect(onDisk.accounts.map((a) => a.email)).toContain('app@example.com');
  });
});
