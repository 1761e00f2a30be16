/**
 * The engine's test kit, for every package's tests (`@orgops/engine/testing`): one way to build
 * snapshots (`SnapshotBuilder`), the fixed organization the review tests share (`baseSnapshot`,
 * `baseDesired` and its names and ids), and changes as the planner writes them. Never built.
 */
export { accountMove, assignment, attachment, permissionSetUpdate, policyUpdate } from './changes.ts';
export {
  ACCOUNTS,
  baseDesired,
  baseSnapshot,
  DENY_ALL,
  DENY_LEAVE,
  DENY_LEAVE_AND_TRAIL,
  GROUPS,
  PS_ARN,
} from './organization.ts';
