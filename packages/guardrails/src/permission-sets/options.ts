import type { Tags } from '@orgops/model';

/** Options every permission-set block takes. */
export interface PermissionSetBlockOptions {
  /** Permission set name (1–32 of `[\w+=,.@-]`); AWS cannot rename one, so choose it once. */
  readonly name?: string;
  readonly description?: string;
  /** ISO-8601 duration, `PT1H`–`PT12H`. Each block has a default sized to its risk. */
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly tags?: Tags;
}
