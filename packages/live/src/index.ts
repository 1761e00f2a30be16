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
export { IdentityLookup, type PrincipalType } from './identity-lookup.ts';
export * from './ports.ts';
export { applyQuarantine, type QuarantineOutcome } from './quarantine/apply-quarantine.ts';
export { type AccountQuery, findAccount, readQuarantineFacts } from './quarantine/read-quarantine.ts';
export type { AssignmentEnumeration, ConfigPrincipal } from './reader/read-identity-center.ts';
export {
  configPolicyTypes,
  configPrincipals,
  configReadOptions,
  type ReadOptions,
  readSnapshot,
} from './reader/read-snapshot.ts';
