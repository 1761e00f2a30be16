import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { OrgopsError } from '@orgops/model';

/** Who holds a lock, written into the lock file so a refused run can name it. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

export interface LockOptions {
  /** Shown to anyone who finds the lock taken (default: this process's arguments). */
  readonly command?: string;
  /** How long to wait for a held lock before giving up (default 10 s). */
  readonly waitMs?: number;
  /** Interval between attempts while waiting (default 100 ms). */
  readonly pollMs?: number;
}

export interface FileLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Whether a dead process's lock was taken over, and whose. */
  readonly tookOverFrom?: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

/** Lock files whose content cannot be read are taken as stale after this long (a crash mid-write). */
const UNREADABLE_STALE_MS = 10_000;

/**
 * Takes an exclusive lock on `file` as `file.lock`. The lock file is created complete (written
 * aside, then hard-linked into place, which fails if it exists), so a reader never sees a half
 * written holder. A lock whose process is dead on this host is taken over through a second
 * "breaker" lock, so two runs that find the same stale lock cannot both take it.
 * Released on `release()` and on process exit; a killed process leaves a stale lock that the next
 * run takes over.
 */
export async function acquireFileLock(file: string, options: LockOptions = {}): Promise<FileLock> {
  const path = `${file}.lock`;
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: options.command ?? process.argv.slice(1).join(' '),
    since: new Date().toISOString(),
  };
  const content = `${JSON.stringify(holder)}\n`;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  const pollMs = options.pollMs ?? 100;
  for (;;) {
    if (createWith(path, content)) return held(path, holder, content);
    const current = readLock(path);
    if (current === undefined) continue; // released between our attempt and the read
    if (isStale(path, current)) {
      const tookOver = takeOver(path, current, content);
      if (tookOver) return held(path, holder, content, current.holder);
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(file, path, current.holder);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The holder of `file`'s lock when one is held by a live process, for readers that must not race it. */
export function liveLockHolder(file: string): LockHolder | undefined {
  const current = readLock(`${file}.lock`);
  if (!current || isStale(`${file}.lock`, current)) return undefined;
  return current.holder;
}

interface LockContent {
  readonly raw: string;
  readonly holder: LockHolder | undefined;
}

function held(path: string, holder: LockHolder, content: string, tookOverFrom?: LockHolder): FileLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: after a takeover by someone else (we looked dead), it is theirs.
    if (readLock(path)?.raw === content) tryUnlink(path);
  };
  process.on('exit', release);
  return { path, holder, ...(tookOverFrom ? { tookOverFrom } : {}), release };
}

/** Creates `path` with `content` atomically; false when it already exists. */
function createWith(path: string, content: string): boolean {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    tryUnlink(tmp);
  }
}

function readLock(path: string): LockContent | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string')
      return {
        raw,
        holder: {
          pid: h.pid,
          host: h.host,
          command: String(h.command ?? '?'),
          since: String(h.since ?? '?'),
        },
      };
  } catch {}
  return { raw, holder: undefined };
}

/** Stale: held by a process of this host that no longer runs, or unreadable for a while. */
function isStale(path: string, lock: LockContent): boolean {
  if (!lock.holder) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  return lock.holder.host === hostname() && !processAlive(lock.holder.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replaces a stale lock with ours. Only the holder of `path.break` may remove the stale lock, and
 * only if it is still the very lock it judged stale; a breaker left by a dead process is itself
 * stale and removed the same way.
 */
function takeOver(path: string, stale: LockContent, content: string): boolean {
  const breaker = `${path}.break`;
  if (!createWith(breaker, content)) {
    const other = readLock(breaker);
    if (other && isStale(breaker, other) && readLock(breaker)?.raw === other.raw) tryUnlink(breaker);
    return false;
  }
  try {
    if (readLock(path)?.raw !== stale.raw) return false;
    tryUnlink(path);
    return createWith(path, content);
  } finally {
    tryUnlink(breaker);
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {}
}

function lockedError(file: string, path: string, holder: LockHolder | undefined): OrgopsError {
  const who = holder
    ? `pid ${holder.pid} on ${holder.host} (\`${holder.command}\`), since ${holder.since}${ago(holder.since)}`
    : 'a process that left no readable holder';
  const local = holder?.host === hostname();
  return new OrgopsError(
    'sandbox-locked',
    `The sandbox ${file} is in use by another orgops run: ${who}. Only one apply can change a sandbox at a time. ` +
      `Wait for it to finish and run again${local ? '' : `; if no orgops runs on ${holder?.host ?? 'any host'} any more, delete ${path}`}.`,
    'user',
  );
}

function ago(since: string): string {
  const ms = Date.now() - Date.parse(since);
  return Number.isFinite(ms) && ms >= 0 ? ` (${Math.round(ms / 1000)} s ago)` : '';
}
