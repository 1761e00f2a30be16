import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OrgopsError } from '@orgops/model';
import { acquireFileLock, type FileLock, type LockOptions, liveLockHolder } from './file-lock.ts';
import { checkSandboxState, type StateProblem } from './file-schema.ts';
import { completeCreateAccount } from './org-helpers.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { completeRequest } from './sso-helpers.ts';
import { newOrganizationId, SANDBOX_FILE_MAX_ACCOUNTS, type SandboxState, seedState } from './state.ts';

/** The sandbox file as opened: its checked state, and (when locked) the means to write it. */
export interface StateFile {
  readonly state: SandboxState;
  readonly writable: boolean;
  readonly lock?: FileLock;
  /** Writes the whole state now (atomically: temporary file, then rename). */
  write(state: SandboxState): Promise<void>;
  /** Writes the state if anything but the call counter changed since the last write. */
  persistIfChanged(state: () => SandboxState): Promise<void>;
  /** Completes requests a dead run left in progress (see {@link settleOrphans}). */
  settleOrphans(ctx: SandboxContext): void;
  release(): void;
}

const MAX_PROBLEMS_SHOWN = 20;

/**
 * Opens `file`, creating it with the seed organization when it does not exist. With `lock`, takes
 * the file's lock first and reads the file under it, so the state is the latest one.
 */
export async function openStateFile(file: string, lock: LockOptions | undefined): Promise<StateFile> {
  mkdirSync(dirname(file), { recursive: true });
  const held = lock ? await acquireFileLock(file, lock) : undefined;
  try {
    const state = readOrCreate(file);
    const writable = held !== undefined;
    // With our lock held, nobody else is applying: what is still in progress was left by a dead run.
    // Without it, only when no live run holds the lock.
    const orphansPossible = writable || liveLockHolder(file) === undefined;
    let chain: Promise<void> = Promise.resolve();
    let written = writable ? keyOf(state) : '';
    const enqueue = (task: () => Promise<void>): Promise<void> => {
      chain = chain.then(task);
      return chain;
    };
    return {
      state,
      writable,
      ...(held ? { lock: held } : {}),
      write(s) {
        if (!writable) return Promise.reject(readOnlyError(file));
        return enqueue(async () => {
          await writeAtomic(file, s);
          written = keyOf(s);
        });
      },
      persistIfChanged(current) {
        if (!writable) return Promise.reject(readOnlyError(file));
        return enqueue(async () => {
          const s = current();
          const key = keyOf(s);
          if (key === written) return;
          await writeAtomic(file, s);
          written = key;
        });
      },
      settleOrphans(ctx) {
        if (orphansPossible) settleOrphans(ctx);
      },
      release: () => held?.release(),
    };
  } catch (err) {
    held?.release();
    throw err;
  }
}

/**
 * AWS finishes CreateAccount, assignment and provisioning requests whether or not anyone polls
 * them; the sandbox finishes them on polls. A run killed mid-apply leaves requests nobody will poll
 * again, so they complete here, as they would have in AWS by now.
 */
function settleOrphans(ctx: SandboxContext): void {
  for (const r of ctx.state.createAccountRequests) {
    if (r.state !== 'IN_PROGRESS') continue;
    r.pollsLeft = 0;
    completeCreateAccount(ctx, r);
  }
  const ic = ctx.state.identityCenter;
  for (const r of ic?.requests ?? []) {
    if (r.status !== 'IN_PROGRESS' || !ic) continue;
    r.pollsLeft = 0;
    completeRequest(ctx, ic, r);
  }
}

/** Everything but the call counter, which every call advances. */
function keyOf(state: SandboxState): string {
  return JSON.stringify({ ...state, tick: 0 });
}

function serialize(state: SandboxState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

async function writeAtomic(file: string, state: SandboxState): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, serialize(state), 'utf8');
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

function readOrCreate(file: string): SandboxState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const seed = seedState({ organizationId: newOrganizationId(), maxAccounts: SANDBOX_FILE_MAX_ACCOUNTS });
    // Never overwrite: another run may have created the file since we looked.
    if (createExclusive(file, serialize(seed))) return seed;
    text = readFileSync(file, 'utf8');
  }
  return parseState(text, file);
}

function createExclusive(file: string, content: string): boolean {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, 'utf8');
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

const startOver = (file: string) =>
  `Fix the file, or delete it to start over with the seed organization (every sandbox change is lost): rm ${file}`;

/** Parses and checks the file's text; every problem is a user error naming the file and the fix. */
export function parseState(text: string, file: string): SandboxState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new OrgopsError(
      'sandbox-corrupt',
      `Sandbox file ${file} is not valid JSON (${(err as Error).message}). ${startOver(file)}`,
      'user',
      { cause: err },
    );
  }
  const version = (parsed as { stateVersion?: unknown } | null)?.stateVersion;
  if (version !== 1)
    throw new OrgopsError(
      'sandbox-version',
      `Sandbox file ${file} has stateVersion ${JSON.stringify(version) ?? 'missing'}; this orgops reads version 1. ${startOver(file)}`,
      'user',
    );
  const checked = checkSandboxState(parsed);
  if (!checked.ok) {
    const n = checked.problems.length;
    const lines = checked.problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
    if (n > MAX_PROBLEMS_SHOWN) lines.push(`  ... and ${n - MAX_PROBLEMS_SHOWN} more`);
    throw new OrgopsError(
      'sandbox-invalid',
      `Sandbox file ${file} is not a valid sandbox organization (${n} problem${n === 1 ? '' : 's'}):\n${lines.join('\n')}\n${startOver(file)}`,
      'user',
    );
  }
  return checked.state;
}

function formatProblem(p: StateProblem): string {
  const value =
    p.value === undefined ? '' : `  (value: ${truncate(JSON.stringify(p.value) ?? String(p.value))})`;
  return `  ${p.path}: ${p.message}${value}`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function readOnlyError(file: string): OrgopsError {
  return new OrgopsError(
    'sandbox-read-only',
    `The sandbox ${file} was opened read-only; open it with { lock } to change it.`,
    'internal',
  );
}
