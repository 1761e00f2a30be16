import { type IdentityStatement, type OrganizationPolicy, OrgopsError } from '@orgops/model';
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

/** IAM actions that change what a customer managed policy grants, or delete it. */
export const POLICY_CHANGE_ACTIONS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:DeletePolicyVersion',
  'iam:DeletePolicy',
];

export interface ProtectPrivilegedRolesOptions extends GuardrailOptions {
  /** Role ARN patterns to protect, usually the ones the other guardrails exempt. */
  readonly roleArns: readonly string[];
  /**
   * Customer managed policies attached to those roles (ARN patterns, e.g.
   * `arn:aws:iam::*:policy/break-glass/*`): a new default version of one rewrites the role's
   * permissions without touching the role. Leave empty when the roles hold AWS managed policies
   * only (AWS alone can version those).
   */
  readonly policyArns?: readonly string[];
}

/**
 * Denies creating, changing, passing or deleting the privileged roles (break-glass, automation
 * the guardrails exempt), and new versions of the policies attached to them, to anyone but the
 * exempt principals.
 *
 * Why: every guardrail exempts these roles by ARN pattern, in every account. Without this policy
 * an account administrator could create a role named `break-glass`, rewrite the trust policy of
 * the real one, hand it to a Lambda function with `iam:PassRole` (the function then acts as
 * break-glass), or rewrite its customer managed policy, and walk around every guardrail. It also
 * keeps an incident responder's `AWSDenyAll` off the roles that would end the incident. Left
 * open: reading the roles, and assuming them (their trust policies decide; see
 * {@link restrictBreakGlassAssumption}). Create the roles with a service-managed StackSet, whose
 * service-linked role no SCP binds, or from an exempt principal.
 *
 * @example
 * const roles = ['arn:aws:iam::*:role/break-glass'];
 * const keepRoles = protectPrivilegedRoles({ roleArns: roles, exemptPrincipalArns: roles });
 */
export function protectPrivilegedRoles(options: ProtectPrivilegedRolesOptions): OrganizationPolicy {
  const roles = checkedExemptions('protectPrivilegedRoles', options.roleArns, 'roleArns');
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
  const policies = [...new Set(options.policyArns ?? [])].sort();
  const badPolicies = policies.filter((arn) => !POLICY_ARN.test(arn));
  if (badPolicies.length > 0) {
    throw new OrgopsError(
      'guardrail-options-invalid',
      `protectPrivilegedRoles: policyArns ${badPolicies.map((a) => `"${a}"`).join(', ')} must be customer managed ` +
        'policy ARN patterns, e.g. "arn:aws:iam::*:policy/break-glass/*".',
    );
  }
  const exempt = checkedExemptions('protectPrivilegedRoles', options.exemptPrincipalArns);
  const statements: IdentityStatement[] = [
    denyStatement({
      sid: 'ProtectPrivilegedRoles',
      actions: ROLE_CHANGE_ACTIONS,
      resources: roles,
      exemptPrincipalArns: exempt,
    }),
    denyStatement({
      sid: 'DenyPassingPrivilegedRoles',
      actions: ['iam:PassRole'],
      resources: roles,
      exemptPrincipalArns: exempt,
    }),
  ];
  if (policies.length > 0) {
    statements.push(
      denyStatement({
        sid: 'ProtectPrivilegedPolicies',
        actions: POLICY_CHANGE_ACTIONS,
        resources: policies,
        exemptPrincipalArns: exempt,
      }),
    );
  }
  return guardrailScp(
    {
      name: 'protect-privileged-roles',
      description: 'Denies changing, passing or re-permissioning the break-glass and automation roles',
    },
    options,
    statements,
  );
}

// A customer managed policy: an account id or `*`, never `aws` (AWS managed policies cannot be versioned by us).
const POLICY_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|\*):policy\/[\w+=,.@/*?-]+$/;
