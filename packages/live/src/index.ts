export { applyPlan } from './applier/apply-plan.ts';
export type {
  ApplyError,
  ApplyEvent,
  ApplyOptions,
  ApplyResult,
  ChangeOutcome,
  OutcomeStatus,
} from './applier/types.ts';
export { AWS_MANAGED_POLICY_CONTENT } from './aws-managed-policies.ts';
export { KeyedQueue, Limiter, mapLimit } from './concurrency.ts';
export { type ReadRecord, recordProblem } from './drift/read-record.ts';
export { type DriftRead, type DriftReadOptions, readForDrift, readFull } from './drift/read-since.ts';
export { IDENTITY_CENTER_SOURCE, interpretEvents, ORGANIZATIONS_SOURCE } from './drift/trail-effects.ts';
export { IdentityLookup, type PrincipalType } from './identity-lookup.ts';
export { CallScheduler, type CallSchedulerOptions } from './pacing/call-scheduler.ts';
export { type Clock, systemClock } from './pacing/clock.ts';
export { RateLimiter, TokenBucket } from './pacing/rate-limiter.ts';
export {
  bucketFor,
  CLOUDTRAIL_LOOKUP_RATE,
  IDENTITY_STORE_RATE,
  ORGANIZATIONS_DEFAULT_RATE,
  ORGANIZATIONS_RATES,
  type Rate,
  type ServiceName,
  SSO_ADMIN_SHARED_RATE,
  STS_RATE,
} from './pacing/rates.ts';
export { VirtualClock } from './pacing/virtual-clock.ts';
export * from './ports.ts';
export { applyQuarantine, type QuarantineOutcome } from './quarantine/apply-quarantine.ts';
export { type AccountQuery, findAccount, readQuarantineFacts } from './quarantine/read-quarantine.ts';
export { canonicalSnapshot } from './reader/canonical-snapshot.ts';
export { type AssignmentEnumeration, knownAssignments } from './reader/read-assignments.ts';
export { readPermissionSet } from './reader/read-identity-center.ts';
export { readPolicy, snapshotPolicy } from './reader/read-policies.ts';
export { type ConfigPrincipal, namePrincipals } from './reader/read-principals.ts';
export { readQuotas } from './reader/read-quotas.ts';
export {
  configPolicyTypes,
  configPrincipals,
  configReadOptions,
  policyTypesToRead,
  type ReadOptions,
  readDelegatedAdministrators,
  readSnapshot,
} from './reader/read-snapshot.ts';
export { snapshotOrganization, snapshotRoot } from './reader/snapshot-organization.ts';
