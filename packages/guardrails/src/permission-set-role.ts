import { LIMITS, OrgopsError } from '@orgops/model';

/**
 * The ARN pattern of the role Identity Center provisions for a permission set in every account:
 * `arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<name>_*` (the Region segment
 * of the path is optional, hence the `*`). Nobody can create or change roles under `/aws-reserved/`
 * (AWS protects the path), so the pattern names exactly the users signed in with that permission
 * set, for conditions on `aws:PrincipalArn`.
 *
 * @example
 * permissionSetRoleArnPattern('IncidentResponder');
 */
export function permissionSetRoleArnPattern(permissionSetName: string): string {
  if (!LIMITS.identityCenter.permissionSetNamePattern.test(permissionSetName)) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `permissionSetRoleArnPattern: "${permissionSetName}" is not a permission set name.`,
    );
  }
  return `arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${permissionSetName}_*`;
}
