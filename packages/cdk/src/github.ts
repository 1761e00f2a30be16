/**
 * What GitHub puts in the OIDC token's `sub` claim for the three pipeline jobs, and the names the
 * workflows use. The workflows (`.github/workflows/{plan,drift,apply}.yml`) and this stack must
 * agree on every string here, or the role assumption fails with "Not authorized to perform
 * sts:AssumeRoleWithWebIdentity".
 */

/** GitHub.com's OIDC issuer; GitHub Enterprise Server and custom enterprise issuers differ. */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/** The audience aws-actions/configure-aws-credentials requests. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** The protected environment of the apply job. */
export const APPLY_ENVIRONMENT = 'orgops-apply';

/** The three roles, by job. Role names are fixed: the guardrail SCPs exempt them by ARN. */
export const PIPELINE_ROLES = {
  plan: 'orgops-plan',
  drift: 'orgops-drift',
  apply: 'orgops-apply',
} as const;

export type PipelineJob = keyof typeof PIPELINE_ROLES;

/** Repository variables the workflows read, and the stack output that carries each value. */
export const REPOSITORY_VARIABLES = [
  { variable: 'ORGOPS_AWS_REGION', output: 'OrgopsAwsRegion' },
  { variable: 'ORGOPS_PLAN_ROLE_ARN', output: 'OrgopsPlanRoleArn' },
  { variable: 'ORGOPS_DRIFT_ROLE_ARN', output: 'OrgopsDriftRoleArn' },
  { variable: 'ORGOPS_APPLY_ROLE_ARN', output: 'OrgopsApplyRoleArn' },
] as const;

export interface GitHubRepository {
  readonly owner: string;
  readonly name: string;
  /**
   * Numeric ids of the owner and the repository. Set both for a repository whose tokens carry the
   * immutable form `repo:OWNER@OWNER_ID/REPO@REPO_ID:…` (created after 15 July 2026, opted in,
   * or renamed or transferred since).
   */
  readonly ids?: { readonly owner: string; readonly repository: string };
}

/** `repo:OWNER/REPO`, or `repo:OWNER@OWNER_ID/REPO@REPO_ID` with immutable ids. */
export function subjectPrefix(repo: GitHubRepository): string {
  return repo.ids
    ? `repo:${repo.owner}@${repo.ids.owner}/${repo.name}@${repo.ids.repository}`
    : `repo:${repo.owner}/${repo.name}`;
}

/**
 * The exact `sub` each job presents: the plan job runs on `pull_request` without an environment,
 * drift on the default branch (schedule and manual runs), apply in the protected environment (an
 * environment replaces the ref in the claim).
 */
export function pipelineSubjects(repo: GitHubRepository, defaultBranch: string): Record<PipelineJob, string> {
  const prefix = subjectPrefix(repo);
  return {
    plan: `${prefix}:pull_request`,
    drift: `${prefix}:ref:refs/heads/${defaultBranch}`,
    apply: `${prefix}:environment:${APPLY_ENVIRONMENT}`,
  };
}

/** The issuer's host and path: the prefix of its condition keys and the name of its IAM provider. */
export function issuerHostPath(issuer: string): string {
  return issuer.replace(/^https:\/\//, '');
}
