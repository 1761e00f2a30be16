import type { Site } from './site.ts';

/**
 * One finding about the config. Every error says where (file and path in the config), what (the
 * bad value) and how to fix it, in the spirit of aws-cdk's error-message guidelines.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable rule id, e.g. `scp-size`; documented in the README's config reference. */
  readonly code: string;
  readonly message: string;
  /** Path inside the config, e.g. `accounts[log-archive].email`. */
  readonly path: string;
  /** Where the offending object was defined, when known. */
  readonly site?: Site;
  readonly value?: unknown;
  readonly fix: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

export function diagnostic(
  severity: Diagnostic['severity'],
  code: string,
  fields: Omit<Diagnostic, 'severity' | 'code'>,
): Diagnostic {
  return { severity, code, ...fields };
}
