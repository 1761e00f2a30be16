/**
 * Permissions IAM Identity Center exercises with the caller's own credentials while serving some
 * of our calls. They are not actions of the called API, so they are not in `AWS_OPERATIONS`, but
 * the pipeline roles need them for those calls to succeed.
 */

import { AWS_OPERATIONS, type OperationAccess, operationKey } from './operations.ts';
import type { ServiceName } from './service.ts';

export interface IdentityCenterGrant {
  /** Statement id in the generated policies. */
  readonly sid: string;
  /** `read` grants go to every pipeline role, `write` grants only to the apply role. */
  readonly access: OperationAccess;
  readonly actions: readonly string[];
  /**
   * ARN templates. `{Partition}` and `{Account}` are the management account's, `{KmsKeyArn}`
   * the customer managed key of the Identity Center instance.
   */
  readonly resources: readonly string[];
  /** Condition block, copied into the statement as is. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The operations (`service:Operation`) whose service acts with the caller's credentials this way. */
  readonly neededBy: readonly string[];
  /** `always`, or only for an instance that encrypts with a customer managed KMS key. */
  readonly when: 'always' | 'customer-managed-kms-key';
  /** Why, with the source. */
  readonly why: string;
}

/** Creating, updating and removing `AWSReservedSSO_*` roles is what these three calls do in an account. */
const PROVISIONING_CALLS = [
  'sso-admin:ProvisionPermissionSet',
  'sso-admin:CreateAccountAssignment',
  'sso-admin:DeleteAccountAssignment',
];

const callsTo = (service: ServiceName, access?: OperationAccess): string[] =>
  AWS_OPERATIONS.filter((o) => o.service === service && (access === undefined || o.access === access)).map(
    operationKey,
  );

const MANAGEMENT_ACCOUNT_WHY =
  'In the management account Identity Center does not use its service-linked role: "When IAM ' +
  'Identity Center performs any IAM operations in the AWS Organizations management account, all ' +
  'operations happen using the credentials of the IAM principal" (IAM Identity Center User ' +
  'Guide, "Using service-linked roles"). The actions and resources are those of its ' +
  'service-linked role policy (AWSSSOServiceRolePolicy), limited to the management account.';

const KMS_WHY =
  'An instance encrypted with a customer managed KMS key needs its administrators to be allowed ' +
  'to use the key through the service (IAM Identity Center User Guide, "Baseline KMS key and ' +
  'IAM policy statements"; the AWSSSOReadOnly and AWSSSOMasterAccountAdministrator managed ' +
  'policies carry the same statements with Resource "*").';

const viaIdentityCenter = {
  StringLike: { 'kms:ViaService': 'sso.*.amazonaws.com', 'kms:EncryptionContext:aws:sso:instance-arn': '*' },
};
const viaIdentityStore = {
  StringLike: {
    'kms:ViaService': 'identitystore.*.amazonaws.com',
    'kms:EncryptionContext:aws:identitystore:identitystore-arn': '*',
  },
};

export const IDENTITY_CENTER_GRANTS: readonly IdentityCenterGrant[] = [
  {
    sid: 'IdentityCenterRolesInManagementAccount',
    access: 'write',
    actions: [
      'iam:AttachRolePolicy',
      'iam:CreateRole',
      'iam:DeleteRole',
      'iam:DeleteRolePermissionsBoundary',
      'iam:DeleteRolePolicy',
      'iam:DetachRolePolicy',
      'iam:GetRole',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:PutRolePermissionsBoundary',
      'iam:PutRolePolicy',
      'iam:UpdateAssumeRolePolicy',
      'iam:UpdateRole',
      'iam:UpdateRoleDescription',
    ],
    resources: ['arn:{Partition}:iam::{Account}:role/aws-reserved/sso.amazonaws.com/*'],
    neededBy: PROVISIONING_CALLS,
    when: 'always',
    why: MANAGEMENT_ACCOUNT_WHY,
  },
  {
    sid: 'IdentityCenterSamlProviderInManagementAccount',
    access: 'write',
    actions: [
      'iam:CreateSAMLProvider',
      'iam:DeleteSAMLProvider',
      'iam:GetSAMLProvider',
      'iam:UpdateSAMLProvider',
    ],
    resources: ['arn:{Partition}:iam::{Account}:saml-provider/AWSSSO_*'],
    neededBy: PROVISIONING_CALLS,
    when: 'always',
    why: MANAGEMENT_ACCOUNT_WHY,
  },
  {
    sid: 'IdentityCenterListRolesInManagementAccount',
    access: 'write',
    // iam:ListRoles takes no resource ARN; it is a List action that reads role metadata only.
    actions: ['iam:ListRoles'],
    resources: ['*'],
    neededBy: PROVISIONING_CALLS,
    when: 'always',
    why: MANAGEMENT_ACCOUNT_WHY,
  },
  {
    sid: 'IdentityCenterKeyRead',
    access: 'read',
    actions: ['kms:Decrypt'],
    resources: ['{KmsKeyArn}'],
    condition: viaIdentityCenter,
    neededBy: callsTo('sso-admin'),
    when: 'customer-managed-kms-key',
    why: KMS_WHY,
  },
  {
    sid: 'IdentityStoreKeyRead',
    access: 'read',
    actions: ['kms:Decrypt'],
    resources: ['{KmsKeyArn}'],
    condition: viaIdentityStore,
    neededBy: callsTo('identitystore'),
    when: 'customer-managed-kms-key',
    why: KMS_WHY,
  },
  {
    sid: 'IdentityCenterKeyWrite',
    access: 'write',
    actions: ['kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext'],
    resources: ['{KmsKeyArn}'],
    condition: viaIdentityCenter,
    neededBy: callsTo('sso-admin', 'write'),
    when: 'customer-managed-kms-key',
    why: KMS_WHY,
  },
];
