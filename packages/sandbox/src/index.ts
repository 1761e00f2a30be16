export { createSandbox, type OpenSandboxOptions, openSandbox, type SandboxBackend } from './backend.ts';
export type { FileLock, LockHolder, LockOptions } from './file-lock.ts';
export { checkSandboxState, type StateProblem, sandboxStateSchema } from './file-schema.ts';
export { fixFor, type RefusedCall } from './rehearsal-fixes.ts';
export { type RehearseInput, type RehearseResult, rehearsePlan } from './rehearse.ts';
export { PAGE_SIZE, type SandboxOptions } from './sandbox-context.ts';
export {
  FULL_AWS_ACCESS_ID,
  newOrganizationId,
  RCP_FULL_AWS_ACCESS_ID,
  SANDBOX_FILE_MAX_ACCOUNTS,
  type SandboxAccount,
  type SandboxAssignment,
  type SandboxCreateAccountRequest,
  type SandboxEvent,
  type SandboxIdentityCenter,
  type SandboxOu,
  type SandboxPermissionSet,
  type SandboxPolicy,
  type SandboxSsoRequest,
  type SandboxState,
  SEED_GROUPS,
  SEED_USERS,
  seedState,
} from './state.ts';
export { type TwinAssumption, type TwinOptions, type TwinSeed, twinState } from './twin.ts';
