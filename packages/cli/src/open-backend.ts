import { join, resolve } from 'node:path';
import type { Backend } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import { findWorkspaceRoot } from './load-config.ts';

export interface BackendOptions {
  readonly backend: string;
  readonly sandboxFile?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly ssoRegion?: string;
  readonly endpoint?: string;
}

/** The sandbox state file used when none is given: inside the workspace, git-ignored. */
export function defaultSandboxFile(cwd: string): string {
  return join(findWorkspaceRoot(cwd) ?? cwd, '.orgops', 'sandbox.json');
}

/** How a command uses the backend: `write` (apply) makes it the sandbox's only writer until closed. */
export interface BackendAccess {
  readonly write?: { readonly command?: string; readonly waitMs?: number };
}

/**
 * Opens the backend. The SDK packages are imported only for `aws`, so sandbox runs stay fast and
 * work without any AWS configuration. A sandbox opened to write is locked until
 * {@link closeBackend}; one opened to read is a view of the file as it was.
 */
export async function openBackend(
  options: BackendOptions,
  cwd: string,
  access: BackendAccess = {},
): Promise<Backend> {
  switch (options.backend) {
    case 'sandbox': {
      const { openSandbox } = await import('@orgops/sandbox');
      const file = options.sandboxFile ? resolve(cwd, options.sandboxFile) : defaultSandboxFile(cwd);
      return openSandbox(file, access.write ? { lock: access.write } : {});
    }
    case 'aws': {
      const { createAwsBackend } = await import('@orgops/aws');
      return createAwsBackend({
        profile: options.profile,
        region: options.region,
        ssoRegion: options.ssoRegion,
        endpoint: options.endpoint,
      });
    }
    default:
      throw new OrgopsError(
        'unknown-backend',
        `Unknown backend '${options.backend}'. Use --backend sandbox (the embedded default organization) or --backend aws.`,
      );
  }
}

/** Writes what a sandbox run changed and releases its lock; AWS: closes the SDK clients' sockets. */
export async function closeBackend(backend: Backend): Promise<void> {
  const closable = backend as Partial<{ close(): Promise<void>; destroy(): void }>;
  if (closable.close) await closable.close();
  else closable.destroy?.();
}
