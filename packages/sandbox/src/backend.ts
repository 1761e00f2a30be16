import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Backend, CallerInfo, CallStats } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { SandboxContext, type SandboxOptions } from './context.ts';
import { sandboxIdentityStore } from './identity-store.ts';
import { organizationsPolicies } from './organizations-policies.ts';
import { organizationsReads } from './organizations-read.ts';
import { organizationsStructure } from './organizations-structure.ts';
import { sandboxSsoAdmin } from './sso-admin.ts';
import { newOrganizationId, type SandboxState, seedState } from './state.ts';

/** A {@link Backend} over an in-memory organization, with access to its state for tests. */
export interface SandboxBackend extends Backend {
  readonly kind: 'sandbox';
  /** A deep copy of the current state. */
  exportState(): SandboxState;
  /** Replaces the whole state (call statistics are kept). */
  importState(state: SandboxState): void;
  resetStats(): void;
  flush(): Promise<void>;
  callerIdentity(): Promise<CallerInfo>;
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
  return build(structuredClone(seed), options, options.location ?? 'sandbox:memory', async () => {});
}

/**
 * Opens (or creates with the seed organization) a sandbox persisted as JSON at `file`. Changes are
 * written by `flush()`, atomically (temporary file, then rename).
 */
export async function openSandbox(file: string, options: SandboxOptions = {}): Promise<SandboxBackend> {
  let state: SandboxState;
  try {
    state = parseState(await readFile(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    state = seedState({ organizationId: newOrganizationId() });
  }
  const backend = build(state, options, options.location ?? file, async (s) => {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`, 'utf8');
    await rename(tmp, file);
  });
  // A file that did not exist yet is created with the seed right away.
  await backend.flush();
  return backend;
}

function parseState(text: string, file: string): SandboxState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new OrgopsError(
      'sandbox-corrupt',
      `Sandbox file ${file} is not valid JSON; delete it to start over.`,
      'user',
      {
        cause: err,
      },
    );
  }
  if ((parsed as { stateVersion?: unknown } | null)?.stateVersion !== 1)
    throw new OrgopsError(
      'sandbox-version',
      `Sandbox file ${file} has an unknown stateVersion; this orgops reads version 1. Delete it to start over.`,
      'user',
    );
  return parsed as SandboxState;
}

function build(
  state: SandboxState,
  options: SandboxOptions,
  location: string,
  persist: (state: SandboxState) => Promise<void>,
): SandboxBackend {
  const ctx = new SandboxContext(state, options);
  return {
    kind: 'sandbox',
    location,
    organizations: {
      ...organizationsReads(ctx),
      ...organizationsStructure(ctx),
      ...organizationsPolicies(ctx),
    },
    ssoAdmin: sandboxSsoAdmin(ctx),
    identityStore: sandboxIdentityStore(ctx),
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
    flush: () => persist(ctx.state),
    // The sandbox has no credentials; like STS it answers without counting toward any quota.
    callerIdentity: async () => {
      const accountId = ctx.state.organization.managementAccountId;
      return { arn: options.caller ?? `arn:aws:iam::${accountId}:user/sandbox`, accountId };
    },
  };
}
