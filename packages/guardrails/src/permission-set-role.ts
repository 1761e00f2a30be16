import { LIMITS, OrgopsError } from '@orgops/model';

/**
 * The ARN pattern of the role Identity Center provisions for a permission set in every account:
 * `arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<name>_*` (the Region segment
 * of the path is optional, hence the `*`), for conditions on `aws:PrincipalArn`. AWS lets nobody
 * but Identity Center modify the roles it created ("protected role"); AWS does not document that
 * nobody can create a look-alike under `/aws-reserved/`, so list the pattern in
 * {@link protectPrivilegedRoles} too when an exemption rests on it.
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
