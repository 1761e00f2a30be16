import type { ErrorCodeEntry } from './entry.ts';

/** Codes from the AWS backend's setup: credentials, profile, region, partition. */
export const AWS_ERROR_CODES = {
  'aws-caller-identity-failed': {
    kind: 'user',
    meaning: 'sts:GetCallerIdentity failed, so orgops cannot tell which account its credentials belong to.',
    fix: 'Sign in again (aws sso login --profile …) or check the credentials, region and network.',
  },
  'aws-partition-unsupported': {
    kind: 'user',
    meaning: 'The region is in an isolated AWS partition whose Organizations endpoint orgops does not know.',
    fix: 'Use a region of the aws, aws-cn or aws-us-gov partition.',
  },
  'aws-profile-not-found': {
    kind: 'user',
    meaning: 'The --profile names a profile that ~/.aws/config and ~/.aws/credentials do not define.',
    fix: 'Check the spelling against the listed profiles, or create it with aws configure sso.',
  },
  'aws-region-missing': {
    kind: 'user',
    meaning: 'No AWS region is configured for the Identity Center calls.',
    fix: 'Pass --region, set AWS_REGION, or set region in the profile.',
  },
  'not-management-account': {
    kind: 'user',
    meaning:
      'A warning, not an error: the credentials are not the management account’s (a delegated administrator?), so reading works but apply’s account, OU, trusted-access and delegated-administrator writes will be denied.',
    fix: 'Plan with these if you like; run apply with the management account’s apply role (packages/aws/README.md).',
  },
} as const satisfies Readonly<Record<string, ErrorCodeEntry>>;
