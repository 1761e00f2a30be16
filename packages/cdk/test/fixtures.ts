/** Test configurations (CDK context values). */

export const ACCOUNT = '111122223333';

/** The minimum: repository, management account, Identity Center region. */
export const MINIMAL = {
  githubRepository: 'acme/org-config',
  managementAccountId: ACCOUNT,
  region: 'eu-west-1',
};

export const EXISTING_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
export const KMS_KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** Everything optional set: an existing provider, immutable ids, another branch, a KMS key. */
export const FULL = {
  ...MINIMAL,
  githubOwnerId: '123456',
  githubRepositoryId: '456789',
  defaultBranch: 'trunk',
  oidcProviderArn: EXISTING_PROVIDER_ARN,
  identityCenterKmsKeyArn: KMS_KEY_ARN,
};
