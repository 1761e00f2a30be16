export { createSandbox, openSandbox, type SandboxBackend } from './backend.ts';
export { PAGE_SIZE, type SandboxOptions } from './context.ts';
export {
  FULL_AWS_ACCESS_ID,
  newOrganizationId,
  RCP_FULL_AWS_ACCESS_ID,
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
