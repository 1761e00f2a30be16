import type { OrganizationPolicy } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** Every IAM action that creates a long-lived credential or an IAM user to hold one. */
export const LONG_LIVED_CREDENTIAL_ACTIONS: readonly string[] = [
  'iam:CreateUser',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:UploadSSHPublicKey',
  'iam:UploadSigningCertificate',
];

/**
 * Denies creating IAM users and their long-lived credentials (access keys, console passwords,
 * service-specific credentials, SSH keys, signing certificates).
 *
 * Why: humans sign in through Identity Center and workloads use roles, so every credential is
 * temporary. Leaked access keys are the most common cause of account compromise; this makes new
 * ones impossible rather than merely discouraged. Deactivating or deleting existing keys stays
 * allowed so that incident response can still act.
 *
 * @example
 * const noKeys = denyIamUsersAndAccessKeys({ exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'] });
 */
export function denyIamUsersAndAccessKeys(options: GuardrailOptions): OrganizationPolicy {
  const exempt = checkedExemptions('denyIamUsersAndAccessKeys', options.exemptPrincipalArns);
  return guardrailScp(
    {
      name: 'deny-iam-users-and-access-keys',
      description: 'Denies IAM users and long-lived credentials; use Identity Center and roles',
    },
    options,
    [
      denyStatement({
        sid: 'DenyLongLivedCredentials',
        actions: LONG_LIVED_CREDENTIAL_ACTIONS,
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
