export {
  type AwsBackend,
  type AwsBackendInternals,
  type AwsBackendOptions,
  type AwsClients,
  createAwsBackend,
  createAwsBackendFromClients,
  createAwsClients,
} from './backend.ts';
export type { AwsCallStats } from './call-stats.ts';
export { type CallerIdentity, MANAGEMENT_ACCOUNT_ONLY_OPERATIONS } from './caller-identity.ts';
export { retryKind, toServiceError } from './errors.ts';
export { MAX_PAGE_SIZE } from './pagination.ts';
export * from './permissions.ts';
export {
  IDENTITY_STORE_RATE,
  ORGANIZATIONS_DEFAULT_RATE,
  ORGANIZATIONS_RATES,
  type Rate,
  SSO_ADMIN_SHARED_RATE,
} from './rates.ts';
export { organizationsRegionFor } from './regions.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
export type { Clock, Logger } from './service.ts';
export { normalizeSessionDuration } from './shapes.ts';
