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
 * Actions that open a way to sign in other than the organization's Identity Center: an account's
 * own OIDC or SAML identity provider (or a new audience or certificate on one), and an Identity
 * Center account instance with its own users.
 */
export const FEDERATION_ACTIONS: readonly string[] = [
  'iam:CreateOpenIDConnectProvider',
  'iam:AddClientIDToOpenIDConnectProvider',
  'iam:UpdateOpenIDConnectProviderThumbprint',
  'iam:CreateSAMLProvider',
  'iam:UpdateSAMLProvider',
  'sso:CreateInstance',
];

export interface DenyIamUsersAndAccessKeysOptions extends GuardrailOptions {
  /**
   * Principals, besides the exempt ones, that may still change an access key's status, typically
   * the incident responders' permission set role
   * (`arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_IncidentResponder_*`).
   * IAM has no condition key for the new status, so whoever may deactivate a key may also
   * re-activate it: keep the list to the people who contain incidents. Defaults to none.
   */
  readonly accessKeyStatusPrincipalArns?: readonly string[];
}

/**
 * Denies creating IAM users and their long-lived credentials (access keys, console passwords,
 * service-specific credentials, SSH keys, signing certificates), re-activating access keys, and
 * federation outside Identity Center (account-level OIDC/SAML providers, Identity Center account
 * instances).
 *
 * Why: humans sign in through Identity Center and workloads use roles, so every credential is
 * temporary. Leaked access keys are the most common cause of account compromise; this makes new
 * ones impossible rather than merely discouraged, and a key someone deactivated stays off (the
 * same `UpdateAccessKey` would switch it back on). An account's own identity provider is a door
 * around Identity Center's MFA and offboarding. Deleting keys and passwords stays allowed, and the
 * principals in `accessKeyStatusPrincipalArns` can still deactivate a key during an incident.
 *
 * @example
 * const noKeys = denyIamUsersAndAccessKeys({
 *   exemptPrincipalArns: ['arn:aws:iam::*:role/break-glass'],
 *   accessKeyStatusPrincipalArns: [permissionSetRoleArnPattern('IncidentResponder')],
 * });
 */
export function denyIamUsersAndAccessKeys(options: DenyIamUsersAndAccessKeysOptions): OrganizationPolicy {
  const exempt = checkedExemptions('denyIamUsersAndAccessKeys', options.exemptPrincipalArns);
  const keyStatus = checkedExemptions(
    'denyIamUsersAndAccessKeys',
    options.accessKeyStatusPrincipalArns ?? [],
    'accessKeyStatusPrincipalArns',
  );
  return guardrailScp(
    {
      name: 'deny-iam-users-and-access-keys',
      description: 'Denies IAM users, long-lived credentials and sign-in outside Identity Center',
    },
    options,
    [
      denyStatement({
        sid: 'DenyLongLivedCredentials',
        actions: LONG_LIVED_CREDENTIAL_ACTIONS,
        exemptPrincipalArns: exempt,
      }),
      denyStatement({
        sid: 'DenyAccessKeyStatusChanges',
        actions: ['iam:UpdateAccessKey'],
        exemptPrincipalArns: [...new Set([...exempt, ...keyStatus])].sort(),
      }),
      denyStatement({
        sid: 'DenyFederationOutsideIdentityCenter',
        actions: FEDERATION_ACTIONS,
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
