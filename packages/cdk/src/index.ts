export { addBootstrapStack, type BootstrapApp } from './app.ts';
export {
  BOOTSTRAP_STACK_NAME,
  OrgopsBootstrapStack,
  type OrgopsBootstrapStackProps,
  SESSION_DURATION,
} from './bootstrap-stack.ts';
export {
  type BootstrapConfig,
  contextThenEnv,
  formatDiagnostics,
  partitionOf,
  readBootstrapConfig,
  SETTINGS,
  type Setting,
  type SettingSource,
} from './config.ts';
export {
  APPLY_ENVIRONMENT,
  GITHUB_OIDC_ISSUER,
  type GitHubRepository,
  issuerHostPath,
  PIPELINE_ROLES,
  type PipelineJob,
  pipelineSubjects,
  REPOSITORY_VARIABLES,
  STS_AUDIENCE,
  subjectPrefix,
} from './github.ts';
export { type PermissionContext, pipelineStatements, type StatementSpec } from './role-permissions.ts';
