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

/**
 * Opens the backend. The SDK packages are imported only for `aws`, so sandbox runs stay fast and
 * work without any AWS configuration.
 */
export async function openBackend(options: BackendOptions, cwd: string): Promise<Backend> {
  switch (options.backend) {
    case 'sandbox': {
      const { openSandbox } = await import('@orgops/sandbox');
      return openSandbox(options.sandboxFile ? resolve(cwd, options.sandboxFile) : defaultSandboxFile(cwd));
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
