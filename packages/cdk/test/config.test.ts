import { describe, expect, it } from 'vitest';
import {
  type BootstrapConfig,
  contextThenEnv,
  formatDiagnostics,
  readBootstrapConfig,
} from '../src/config.ts';
import { ACCOUNT, EXISTING_PROVIDER_ARN, KMS_KEY_ARN, MINIMAL } from './fixtures.ts';

function read(context: Record<string, unknown>, env: Record<string, string> = {}) {
  return readBootstrapConfig(contextThenEnv((key) => context[key], env));
}

function config(context: Record<string, unknown>, env: Record<string, string> = {}): BootstrapConfig {
  const r = read(context, env);
  if (!r.ok) throw new Error(formatDiagnostics(r.errors));
  return r.value;
}

function errors(context: Record<string, unknown>, env: Record<string, string> = {}) {
  const r = read(context, env);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('readBootstrapConfig', () => {
  it('reads the minimum and fills the defaults', () => {
    expect(config(MINIMAL)).toEqual({
      repository: { owner: 'acme', name: 'org-config' },
      defaultBranch: 'main',
      managementAccountId: ACCOUNT,
      region: 'eu-west-1',
      oidcIssuer: 'https://token.actions.githubusercontent.com',
    });
  });

  it('reads every value from the environment when the context has none, and prefers the context', () => {
    const env = {
      ORGOPS_GITHUB_REPOSITORY: 'acme/from-env',
      ORGOPS_GITHUB_OWNER_ID: '1',
      ORGOPS_GITHUB_REPOSITORY_ID: '2',
      ORGOPS_DEFAULT_BRANCH: 'release/v2',
      ORGOPS_MANAGEMENT_ACCOUNT_ID: ACCOUNT,
      ORGOPS_AWS_REGION: 'us-east-1',
      ORGOPS_OIDC_PROVIDER_ARN: EXISTING_PROVIDER_ARN,
      ORGOPS_IDENTITY_CENTER_KMS_KEY_ARN: KMS_KEY_ARN,
    };
    expect(config({}, env)).toEqual({
      repository: { owner: 'acme', name: 'from-env', ids: { owner: '1', repository: '2' } },
      defaultBranch: 'release/v2',
      managementAccountId: ACCOUNT,
      region: 'us-east-1',
      oidcIssuer: 'https://token.actions.githubusercontent.com',
      existingOidcProviderArn: EXISTING_PROVIDER_ARN,
      identityCenterKmsKeyArn: KMS_KEY_ARN,
    });
    expect(config({ githubRepository: 'acme/from-context' }, env).repository.name).toBe('from-context');
  });

  it('accepts numbers from cdk.json for the ids', () => {
    expect(config({ ...MINIMAL, githubOwnerId: 123456, githubRepositoryId: 456789 }).repository.ids).toEqual({
      owner: '123456',
      repository: '456789',
    });
  });

  it('reports every missing required value at once, with the key, the variable and an example', () => {
    const found = errors({});
    expect(found.map((d) => d.code)).toEqual([
      'cdk-config-githubRepository',
      'cdk-config-managementAccountId',
      'cdk-config-region',
    ]);
    expect(formatDiagnostics(found)).toBe(
      [
        'error context githubRepository (or ORGOPS_GITHUB_REPOSITORY): githubRepository is required',
        '  fix: pass -c githubRepository=acme/org-config (the repository that holds the orgops config, OWNER/REPO exactly as GitHub spells it)',
        'error context managementAccountId (or ORGOPS_MANAGEMENT_ACCOUNT_ID): managementAccountId is required',
        "  fix: pass -c managementAccountId=111122223333 (the organization's management account id (12 digits))",
        'error context region (or ORGOPS_AWS_REGION): region is required',
        '  fix: pass -c region=eu-west-1 (the IAM Identity Center region)',
      ].join('\n'),
    );
  });

  it.each([
    ['acme', 'is not OWNER/REPO'],
    ['acme/org/config', 'is not OWNER/REPO'],
    ['-acme/org-config', 'is not OWNER/REPO'],
    ['acme/org config', 'is not OWNER/REPO'],
    ['acme/*', 'is not OWNER/REPO'],
    ['acme/..', 'is not OWNER/REPO'],
    ['acme/org-config:ref', 'is not OWNER/REPO'],
  ])('refuses the repository %j', (githubRepository, message) => {
    const [d] = errors({ ...MINIMAL, githubRepository });
    expect(d?.message).toContain(message);
    expect(d?.value).toBe(githubRepository);
  });

  it.each([
    [{ githubOwnerId: 'acme', githubRepositoryId: '2' }, 'githubOwnerId "acme" is not a numeric GitHub id'],
    [{ githubOwnerId: '1', githubRepositoryId: '02' }, 'githubRepositoryId "02" is not a numeric GitHub id'],
    [{ githubOwnerId: '1' }, 'githubRepositoryId is required when githubOwnerId is set'],
    [{ githubRepositoryId: '2' }, 'githubOwnerId is required when githubRepositoryId is set'],
    [{ defaultBranch: 'feature:x' }, 'defaultBranch "feature:x" is not a branch name'],
    [{ defaultBranch: 'a..b' }, 'is not a branch name'],
    [{ managementAccountId: '1111-2222-3333' }, 'is not a 12-digit AWS account id'],
    [{ region: 'Europe' }, 'region "Europe" is not an AWS region name'],
    [{ oidcIssuer: 'http://token.actions.githubusercontent.com' }, 'is not an https:// URL'],
    [{ oidcIssuer: 'https://token.actions.githubusercontent.com/' }, 'is not an https:// URL'],
    [{ oidcProviderArn: 'token.actions.githubusercontent.com' }, 'is not an IAM OIDC provider ARN'],
    [
      { oidcProviderArn: 'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com' },
      'is in account 444455556666, not in the management account 111122223333',
    ],
    [
      { oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` },
      'is the provider of gitlab.com, but the tokens come from https://token.actions.githubusercontent.com',
    ],
    [
      { oidcProviderArn: `arn:aws-cn:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      'is in partition aws-cn, region eu-west-1 in aws',
    ],
    [
      { identityCenterKmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/identity-center` },
      'is not a KMS key ARN (an alias ARN cannot be granted)',
    ],
    [
      { identityCenterKmsKeyArn: KMS_KEY_ARN.replace(ACCOUNT, '444455556666') },
      "Identity Center's key is in the management account",
    ],
    [{ githubRepository: { owner: 'acme' } }, 'githubRepository must be a string'],
  ])('refuses %j', (override, message) => {
    const found = errors({ ...MINIMAL, ...override });
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
    expect(found[0]?.fix.length).toBeGreaterThan(10);
  });

  it('points at gh for the ids', () => {
    const [d] = errors({ ...MINIMAL, githubOwnerId: '1' });
    expect(d?.fix).toContain('gh api repos/OWNER/REPO');
  });

  it('takes the reused provider of another issuer when the issuer is set to it', () => {
    const ghes = config({
      ...MINIMAL,
      oidcIssuer: 'https://github.example.com/_services/token',
      oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/github.example.com/_services/token`,
    });
    expect(ghes.existingOidcProviderArn).toBe(
      `arn:aws:iam::${ACCOUNT}:oidc-provider/github.example.com/_services/token`,
    );
  });
});
