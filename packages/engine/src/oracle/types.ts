/**
 * One way the organization differs from the config, found by the conformance oracle. `what` is a
 * stable code; `where`, `expected` and `actual` are for people reading a failed test.
 */
export interface Discrepancy {
  readonly what: DiscrepancyCode;
  /** The resource, e.g. `OU /Workloads/Prod`, `account app-prod <app-prod@example.com>`. */
  readonly where: string;
  readonly expected: string;
  readonly actual: string;
}

export type DiscrepancyCode =
  | 'policy-type'
  | 'trusted-service'
  | 'delegated-administrator-missing'
  | 'delegated-administrator-unexpected'
  | 'ou-missing'
  | 'ou-unexpected'
  | 'ou-duplicate'
  | 'ou-tags'
  | 'account-missing'
  | 'account-unexpected'
  | 'account-bound-twice'
  | 'account-email'
  | 'account-state'
  | 'account-placement'
  | 'account-tags'
  | 'policy-missing'
  | 'policy-unexpected'
  | 'policy-duplicate'
  | 'policy-content'
  | 'policy-description'
  | 'policy-tags'
  | 'attachment-missing'
  | 'attachment-unexpected'
  | 'attachment-limit'
  | 'identity-center-missing'
  | 'permission-set-missing'
  | 'permission-set-unexpected'
  | 'permission-set-field'
  | 'permission-set-outdated'
  | 'assignment-missing'
  | 'assignment-unexpected';

/** One line per discrepancy, for test failure messages. */
export function formatDiscrepancy(d: Discrepancy): string {
  return `${d.what} at ${d.where}: expected ${d.expected}, actual ${d.actual}`;
}
