import type { Backend, CallerInfo, CallStats } from '@orgops/live';
import type { FileLock, LockOptions } from './file-lock.ts';
import { sandboxIdentityStore } from './identity-store.ts';
import { organizationsPolicies } from './organizations-policies.ts';
import { organizationsReads } from './organizations-read.ts';
import { organizationsStructure } from './organizations-structure.ts';
import { sandboxQuotas } from './quotas.ts';
import { SandboxContext, type SandboxOptions } from './sandbox-context.ts';
import { sandboxSsoAdmin } from './sso-admin.ts';
import { type SandboxState, seedState } from './state.ts';
import { openStateFile, type StateFile } from './state-file.ts';
import { IDENTITY_CENTER_SOURCE, ORGANIZATIONS_SOURCE, recordingWrites, sandboxCloudTrail } from './trail.ts';

/** A {@link Backend} over an in-memory organization, with access to its state for tests. */
export interface SandboxBackend extends Backend {
  readonly kind: 'sandbox';
  /** A deep copy of the current state. */
  exportState(): SandboxState;
  /** Replaces the whole state (call statistics are kept). */
  importState(state: SandboxState): void;
  resetStats(): void;
  /**
   * Writes the whole state to the file now. Only a sandbox opened with `lock` can write; a
   * read-only one refuses, so an unlocked run can never overwrite another run's changes.
   */
  flush(): Promise<void>;
  callerIdentity(): Promise<CallerInfo>;
  /**
   * Writes what changed (a run that only read leaves the file as it was) and releases the lock.
   * Read-only and memory sandboxes: nothing to do.
   */
  close(): Promise<void>;
  /** The lock held on the file, when opened with `lock`. */
  readonly lock?: FileLock;
}

/** Options of {@link openSandbox}. */
export interface OpenSandboxOptions extends SandboxOptions {
  /**
   * Open for changes: take the file's lock (waiting up to `waitMs` for another run to finish),
   * and persist every change as its call completes, as AWS does. Without it the sandbox is a
   * read-only view of the file as it was when opened.
   */
  readonly lock?: boolean | LockOptions;
}

/**
 * An in-memory sandbox organization; `flush` does nothing unless a file is given by
 * {@link openSandbox}.
 *
 * @example
 * const backend = createSandbox();
 * await backend.organizations.createOrganizationalUnit('r-sbx0', 'Workloads', {});
 */
export function createSandbox(
  seed: SandboxState = seedState(),
  options: SandboxOptions = {},
): SandboxBackend {
  const ctx = new SandboxContext(structuredClone(seed), options);
  return build(ctx, options.location ?? 'sandbox:memory', undefined);
}

/**
 * Opens the sandbox persisted as JSON at `file`, creating it with the seed organization on first
 * use. The file is checked on load (schema and AWS's invariants); a bad one is refused with every
 * problem listed. With `lock`, this run is the only writer until `close()`, and each call's
 * changes are on disk when the call returns, so an interrupted apply leaves exactly what it did.
 *
 * @example
 * const backend = await openSandbox('.orgops/sandbox.json', { lock: { command: 'orgops apply' } });
 * try { await applyPlan(plan, backend); } finally { await backend.close(); }
 */
export async function openSandbox(file: string, options: OpenSandboxOptions = {}): Promise<SandboxBackend> {
  const lock = options.lock === true ? {} : options.lock || undefined;
  const stateFile = await openStateFile(file, lock);
  const ctx = new SandboxContext(stateFile.state, options);
  stateFile.settleOrphans(ctx);
  if (stateFile.writable) await stateFile.persistIfChanged(() => ctx.state);
  return build(ctx, options.location ?? file, stateFile);
}

function build(ctx: SandboxContext, location: string, file: StateFile | undefined): SandboxBackend {
  const persist = file?.writable ? file.persistIfChanged.bind(file, () => ctx.state) : undefined;
  // Every write records its CloudTrail event before the state (events included) is persisted.
  const organizations = recordingWrites(ctx, ORGANIZATIONS_SOURCE, {
    ...organizationsReads(ctx),
    ...organizationsStructure(ctx),
    ...organizationsPolicies(ctx),
  });
  const ssoAdmin = recordingWrites(ctx, IDENTITY_CENTER_SOURCE, sandboxSsoAdmin(ctx));
  return {
    kind: 'sandbox',
    location,
    organizations: persist ? persistingAfterEachCall(organizations, persist) : organizations,
    ssoAdmin: persist ? persistingAfterEachCall(ssoAdmin, persist) : ssoAdmin,
    identityStore: sandboxIdentityStore(ctx),
    quotas: sandboxQuotas(ctx),
    cloudTrail: sandboxCloudTrail(ctx),
    stats(): CallStats {
      const calls = { ...ctx.calls };
      return { calls, total: Object.values(calls).reduce((a, b) => a + b, 0) };
    },
    resetStats() {
      for (const key of Object.keys(ctx.calls)) delete ctx.calls[key];
    },
    exportState: () => structuredClone(ctx.state),
    importState(next) {
      ctx.state = structuredClone(next);
    },
    // The sandbox has no credentials; like STS it answers without counting toward any quota.
    callerIdentity: async () => {
      const accountId = ctx.state.organization.managementAccountId;
      return { arn: ctx.options.caller ?? `arn:aws:iam::${accountId}:user/sandbox`, accountId };
    },
    flush: async () => {
      if (file) await file.write(ctx.state);
    },
    close: async () => {
      if (!file?.writable) return;
      try {
        await file.persistIfChanged(() => ctx.state);
      } finally {
        file.release();
      }
    },
    ...(file?.lock ? { lock: file.lock } : {}),
  };
}

/**
 * Wraps every operation of a port so that its effect is on disk before the call returns. A call
 * that fails may still have changed something (a request recorded as FAILED), so both outcomes
 * persist.
 */
function persistingAfterEachCall<T extends object>(port: T, persist: () => Promise<void>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(port)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } finally {
        await persist();
      }
    };
  }
  return wrapped as T;
}
