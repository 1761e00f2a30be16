/**
 * The bootstrap's configuration, read from CDK context (`-c key=value` or `cdk.json`) with an
 * environment variable as the fallback for each key. Reading never throws: every missing or
 * malformed value becomes a diagnostic naming the key, the bad value and the fix, so one run
 * reports all of them.
 */

import type { Diagnostic, Result } from '@orgops/model';
import { GITHUB_OIDC_ISSUER, type GitHubRepository, issuerHostPath } from './github.ts';

export interface BootstrapConfig {
  readonly repository: GitHubRepository;
  /** Branch the drift workflow runs on (schedules run on the default branch). */
  readonly defaultBranch: string;
  /** The organization's management account: the stack deploys only there. */
  readonly managementAccountId: string;
  /** The Identity Center region: the stack's region and the value of `ORGOPS_AWS_REGION`. */
  readonly region: string;
  /** `https://…` issuer of the Actions OIDC tokens. */
  readonly oidcIssuer: string;
  /** An IAM OIDC provider for the issuer that already exists in the account, to reuse. */
  readonly existingOidcProviderArn?: string;
  /** The customer managed KMS key of the Identity Center instance, when it has one. */
  readonly identityCenterKmsKeyArn?: string;
}

export interface Setting {
  readonly key: string;
  readonly env: string;
  readonly required: boolean;
  readonly example: string;
  readonly meaning: string;
}

/** Every setting, for the README, `--help`-like errors and the readers below. */
export const SETTINGS = {
  githubRepository: {
    key: 'githubRepository',
    env: 'ORGOPS_GITHUB_REPOSITORY',
    required: true,
    example: 'acme/org-config',
    meaning: 'the repository that holds the orgops config, OWNER/REPO exactly as GitHub spells it',
  },
  githubOwnerId: {
    key: 'githubOwnerId',
    env: 'ORGOPS_GITHUB_OWNER_ID',
    required: false,
    example: '123456',
    meaning: 'numeric id of the owner, for the immutable subject form (with githubRepositoryId)',
  },
  githubRepositoryId: {
    key: 'githubRepositoryId',
    env: 'ORGOPS_GITHUB_REPOSITORY_ID',
    required: false,
    example: '456789',
    meaning: 'numeric id of the repository, for the immutable subject form (with githubOwnerId)',
  },
  defaultBranch: {
    key: 'defaultBranch',
    env: 'ORGOPS_DEFAULT_BRANCH',
    required: false,
    example: 'main',
    meaning: 'the default branch, where drift runs (default main)',
  },
  managementAccountId: {
    key: 'managementAccountId',
    env: 'ORGOPS_MANAGEMENT_ACCOUNT_ID',
    required: true,
    example: '111122223333',
    meaning: "the organization's management account id (12 digits)",
  },
  region: {
    key: 'region',
    env: 'ORGOPS_AWS_REGION',
    required: true,
    example: 'eu-west-1',
    meaning: 'the IAM Identity Center region',
  },
  oidcProviderArn: {
    key: 'oidcProviderArn',
    env: 'ORGOPS_OIDC_PROVIDER_ARN',
    required: false,
    example: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    meaning: 'reuse this existing GitHub OIDC provider instead of creating one',
  },
  oidcIssuer: {
    key: 'oidcIssuer',
    env: 'ORGOPS_OIDC_ISSUER',
    required: false,
    example: GITHUB_OIDC_ISSUER,
    meaning: `the Actions token issuer (default ${GITHUB_OIDC_ISSUER}; GitHub Enterprise Server: https://HOST/_services/token)`,
  },
  identityCenterKmsKeyArn: {
    key: 'identityCenterKmsKeyArn',
    env: 'ORGOPS_IDENTITY_CENTER_KMS_KEY_ARN',
    required: false,
    example: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    meaning: 'the customer managed KMS key of the Identity Center instance, if it uses one',
  },
} as const satisfies Record<string, Setting>;

type Key = keyof typeof SETTINGS;

/** A context value (string, or number in `cdk.json`) or, failing that, the environment variable. */
export type SettingSource = (setting: Setting) => unknown;

export function contextThenEnv(
  tryGetContext: (key: string) => unknown,
  env: Readonly<Record<string, string | undefined>>,
): SettingSource {
  return (setting) => tryGetContext(setting.key) ?? env[setting.env];
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const NUMERIC_ID = /^[1-9][0-9]{0,19}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ISSUER = /^https:\/\/[a-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/;
const PROVIDER_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):oidc-provider\/(.+)$/;
const KMS_KEY_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):kms:[a-z0-9-]+:(\d{12}):key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The partition of a region: where ARNs in it start `arn:aws`, `arn:aws-cn` or `arn:aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A git branch name that can appear in `ref:refs/heads/<branch>` (a `:` would be encoded). */
function isBranchName(s: string): boolean {
  return (
    /^[A-Za-z0-9._/-]+$/.test(s) &&
    !s.startsWith('/') &&
    !s.endsWith('/') &&
    !s.endsWith('.lock') &&
    !s.includes('..') &&
    !s.includes('//')
  );
}

export function readBootstrapConfig(source: SettingSource): Result<BootstrapConfig> {
  const errors: Diagnostic[] = [];
  const error = (key: Key, value: unknown, message: string, fix?: string): undefined => {
    const s: Setting = SETTINGS[key];
    errors.push({
      severity: 'error',
      code: `cdk-config-${key}`,
      path: `context ${s.key} (or ${s.env})`,
      value,
      message,
      fix: fix ?? `pass -c ${s.key}=${s.example} (${s.meaning})`,
    });
    return undefined;
  };
  const read = (key: Key): string | undefined => {
    const s: Setting = SETTINGS[key];
    const raw = source(s);
    if (raw === undefined || raw === null || raw === '') {
      if (s.required) error(key, undefined, `${s.key} is required`);
      return undefined;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      return error(key, raw, `${s.key} must be a string, got ${JSON.stringify(raw)}`);
    }
    return String(raw).trim();
  };
  const matching = (key: Key, re: RegExp, what: string): string | undefined => {
    const value = read(key);
    if (value === undefined || re.test(value)) return value;
    return error(key, value, `${SETTINGS[key].key} ${JSON.stringify(value)} is not ${what}`);
  };

  let repository: GitHubRepository | undefined;
  const repo = read('githubRepository');
  if (repo !== undefined) {
    const [owner = '', name = '', ...rest] = repo.split('/');
    if (rest.length > 0 || !OWNER.test(owner) || !REPO.test(name) || name === '.' || name === '..') {
      error('githubRepository', repo, `githubRepository ${JSON.stringify(repo)} is not OWNER/REPO`);
    } else {
      repository = { owner, name };
    }
  }
  const ownerId = matching('githubOwnerId', NUMERIC_ID, 'a numeric GitHub id');
  const repositoryId = matching('githubRepositoryId', NUMERIC_ID, 'a numeric GitHub id');
  const idsHint = 'gh api repos/OWNER/REPO --jq ".owner.id, .id" prints both';
  const given = (key: Key) => !['', undefined, null].includes(source(SETTINGS[key]) as string);
  for (const [key, other] of [
    ['githubOwnerId', 'githubRepositoryId'],
    ['githubRepositoryId', 'githubOwnerId'],
  ] as const) {
    if (given(other) && !given(key)) {
      error(
        key,
        undefined,
        `${key} is required when ${other} is set (the immutable subject needs both)`,
        idsHint,
      );
    }
  }
  if (repository && ownerId !== undefined && repositoryId !== undefined) {
    repository = { ...repository, ids: { owner: ownerId, repository: repositoryId } };
  }

  const defaultBranch = read('defaultBranch') ?? 'main';
  if (!isBranchName(defaultBranch)) {
    error(
      'defaultBranch',
      defaultBranch,
      `defaultBranch ${JSON.stringify(defaultBranch)} is not a branch name`,
    );
  }

  const managementAccountId = matching('managementAccountId', ACCOUNT, 'a 12-digit AWS account id');
  const region = matching('region', REGION, 'an AWS region name');
  const oidcIssuer =
    matching('oidcIssuer', ISSUER, 'an https:// URL without port, query or trailing slash') ??
    GITHUB_OIDC_ISSUER;

  const providerArn = read('oidcProviderArn');
  if (providerArn !== undefined) {
    const m = PROVIDER_ARN.exec(providerArn);
    if (!m) {
      error(
        'oidcProviderArn',
        providerArn,
        `oidcProviderArn ${JSON.stringify(providerArn)} is not an IAM OIDC provider ARN`,
      );
    } else {
      const [, partition, account, host] = m;
      if (managementAccountId !== undefined && account !== managementAccountId) {
        error(
          'oidcProviderArn',
          providerArn,
          `oidcProviderArn is in account ${account}, not in the management account ${managementAccountId}`,
          'reuse a provider of the management account, or leave oidcProviderArn out to create one',
        );
      }
      if (host !== issuerHostPath(oidcIssuer)) {
        error(
          'oidcProviderArn',
          providerArn,
          `oidcProviderArn is the provider of ${host}, but the tokens come from ${oidcIssuer}`,
          `use the provider ARN ending in oidc-provider/${issuerHostPath(oidcIssuer)}, or set oidcIssuer`,
        );
      }
      if (region !== undefined && partition !== partitionOf(region)) {
        error(
          'oidcProviderArn',
          providerArn,
          `oidcProviderArn is in partition ${partition}, region ${region} in ${partitionOf(region)}`,
        );
      }
    }
  }

  const keyArn = read('identityCenterKmsKeyArn');
  if (keyArn !== undefined) {
    const m = KMS_KEY_ARN.exec(keyArn);
    if (!m) {
      error(
        'identityCenterKmsKeyArn',
        keyArn,
        `identityCenterKmsKeyArn ${JSON.stringify(keyArn)} is not a KMS key ARN (an alias ARN cannot be granted)`,
      );
    } else if (managementAccountId !== undefined && m[2] !== managementAccountId) {
      error(
        'identityCenterKmsKeyArn',
        keyArn,
        `identityCenterKmsKeyArn is in account ${m[2]}; Identity Center's key is in the management account ${managementAccountId}`,
      );
    }
  }

  if (errors.length > 0 || !repository || !managementAccountId || !region) {
    return { ok: false, errors, warnings: [] };
  }
  return {
    ok: true,
    value: {
      repository,
      defaultBranch,
      managementAccountId,
      region,
      oidcIssuer,
      ...(providerArn !== undefined ? { existingOidcProviderArn: providerArn } : {}),
      ...(keyArn !== undefined ? { identityCenterKmsKeyArn: keyArn } : {}),
    },
    warnings: [],
  };
}

/** Each problem and its fix, for the terminal. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.path}: ${d.message}\n  fix: ${d.fix}`).join('\n');
}
