import type { Io } from './io.ts';
import type { BackendOptions } from './open-backend.ts';

/** Options every command understands. */
export interface GlobalOptions extends BackendOptions {
  readonly config?: string;
  /** `plan --account-quota`; every command that plans also reads ORGOPS_ACCOUNT_QUOTA. */
  readonly accountQuota?: string;
}

export interface CommandContext {
  readonly io: Io;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The command line as typed (`orgops apply --auto-approve`), shown to a run that finds the sandbox locked. */
  readonly command?: string;
}
