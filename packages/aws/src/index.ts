// The rate table lives in @orgops/live (the reader and `pnpm bench` use it too); re-exported here
// because it is this backend's pacing.
export {
  IDENTITY_STORE_RATE,
  ORGANIZATIONS_DEFAULT_RATE,
  ORGANIZATIONS_RATES,
  type Rate,
  SSO_ADMIN_SHARED_RATE,
} from '@orgops/live';
export {
  type AwsBackend,
  type AwsBackendInternals,
  type AwsBackendOptions,
  type AwsClients,
  createAwsBackend,
  createAwsBackendFromClients,
  createAwsClients,
  destroyAwsClients,
} from './backend.ts';
export type { AwsCallStats } from './call-stats.ts';
export { type CallerIdentity, MANAGEMENT_ACCOUNT_ONLY_OPERATIONS } from './caller-identity.ts';
export { retryKind, toServiceError } from './errors.ts';
export { MAX_PAGE_SIZE } from './pagination.ts';
export * from './permissions.ts';
export { organizationsRegionFor } from './regions.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
export type { Clock, Logger } from './service.ts';
export { normalizeSessionDuration } from './shapes.ts';
