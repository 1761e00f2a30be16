export { type ClientOptions, createGitHub, type GitHub } from './client.ts';
export { type ApplyOptions, githubApply } from './commands/apply.ts';
export { type CommentOptions, githubComment, REHEARSAL_BLOCKED_EXIT } from './commands/comment.ts';
export { type DriftOptions, githubDrift } from './commands/drift.ts';
export { DRIFT_BASELINE_ARTIFACT, DRIFT_BASELINE_FILE, previousBaseline } from './drift-baseline.ts';
export { ACTIONS_VARIABLES, type ActionsEnv, readActionsEnv } from './env.ts';
export type { PipelineHost } from './host.ts';
export { COMMENT_MAX_CHARS, STEP_SUMMARY_MAX_BYTES } from './limits.ts';
export { type ConfigChange, type OpenedPullRequest, openConfigPullRequest } from './pull-request.ts';
export { type RepositoryEnv, readRepositoryEnv } from './repository-env.ts';
export { decodeRecord, REVIEW_MARKER, type ReviewRecord, reviewArtifactName } from './review-record.ts';

/** Defaults the workflows in .github/workflows match. */
export const PIPELINE_DEFAULTS = {
  planWorkflow: 'plan.yml',
  applyWorkflow: 'apply.yml',
  driftLabel: 'orgops-drift',
  botLogin: 'github-actions[bot]',
  artifactDir: 'orgops-review',
  driftWorkflow: 'drift.yml',
  driftBaselineDir: 'orgops-drift',
  fullReadEveryDays: 7,
} as const;
