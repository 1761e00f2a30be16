/**
 * What the AWS backend needs to be allowed to do: the operations it calls and the permissions
 * Identity Center uses on its behalf. Exported on its own (`@orgops/aws/permissions`) so the CDK app
 * can read it without loading the SDK clients.
 */

export { IDENTITY_CENTER_GRANTS, type IdentityCenterGrant } from './identity-center-grants.ts';
export {
  AWS_OPERATIONS,
  type AwsOperation,
  IAM_PREFIX,
  iamActionsFor,
  type OperationAccess,
  operationKey,
  SDK_CLIENT_PACKAGES,
} from './operations.ts';
