import { type OrganizationPolicy, OrgopsError } from '@orgops/model';
import { guardrailScp } from '../build.ts';
import { checkedExemptions, type GuardrailOptions } from '../guardrail-options.ts';
import { denyStatement } from '../statements.ts';

/** IAM actions that create, re-trust, re-permission or delete a role. */
export const ROLE_CHANGE_ACTIONS: readonly string[] = [
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:UpdateAssumeRolePolicy',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:TagRole',
  'iam:UntagRole',
];

export interface ProtectPrivilegedRolesOptions extends GuardrailOptions {
  /** Role ARN patterns to protect, usually the same ones the other guardrails exempt. */
  readonly roleArns: readonly string[];
}

/**
 * Denies creating, changing or deleting the privileged roles (pipeline, break-glass) to anyone
 * but those roles themselves.
 *
 * Why: every guardrail exempts these roles by ARN pattern, in every account. Without this policy
 * an account administrator could create a role named `break-glass`, or rewrite the trust policy
 * of the real one, and walk around every guardrail. It also keeps an incident responder's
 * `AWSDenyAll` off the roles that would end the incident.
 *
 * @example
 * const roles = ['arn:aws:iam::*:role/orgops-apply', 'arn:aws:iam::*:role/break-glass'];
 * const keepRoles = protectPrivilegedRoles({ roleArns: roles, exemptPrincipalArns: roles });
 */
export function protectPrivilegedRoles(options: ProtectPrivilegedRolesOptions): OrganizationPolicy {
  const roles = checkedExemptions('protectPrivilegedRoles', options.roleArns);
  if (roles.length === 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      'protectPrivilegedRoles: roleArns is empty; name the roles to protect.',
    );
  }
  const notRoles = roles.filter((arn) => !/:role\//.test(arn));
  if (notRoles.length > 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `protectPrivilegedRoles: ${notRoles.map((a) => `"${a}"`).join(', ')} ${notRoles.length === 1 ? 'is' : 'are'} not role ARNs.`,
    );
  }
  const exempt = checkedExemptions('protectPrivilegedRoles', options.exemptPrincipalArns);
  return guardrailScp(
    { name: 'protect-privileged-roles', description: 'Denies changes to the pipeline and break-glass roles' },
    options,
    [
      denyStatement({
        sid: 'ProtectPrivilegedRoles',
        actions: ROLE_CHANGE_ACTIONS,
        resources: roles,
        exemptPrincipalArns: exempt,
      }),
    ],
  );
}
