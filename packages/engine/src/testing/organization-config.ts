/**
 * Config building blocks the sandbox and simulation tests share: the guardrails and permission
 * sets their small organizations are made of, each with the variations those tests need.
 */
import {
  type Account,
  managementAccount,
  type OrganizationPolicy,
  type Parent,
  type PermissionSet,
  type PermissionSetOptions,
  permissionSet,
  serviceControlPolicy,
} from '@orgops/model';

export const BREAK_GLASS = 'arn:aws:iam::*:role/break-glass';
const READ_ONLY_ACCESS = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** SCP protect-trail: denies `actions` (StopLogging by default) to everyone but `exempt`. */
export function protectTrail(
  options: { readonly actions?: readonly string[]; readonly exempt?: readonly string[] } = {},
): OrganizationPolicy {
  return serviceControlPolicy({
    name: 'protect-trail',
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ProtectTrail',
          Effect: 'Deny',
          Action: [...(options.actions ?? ['cloudtrail:StopLogging'])],
          Resource: '*',
          Condition: { ArnNotLike: { 'aws:PrincipalArn': [...(options.exempt ?? [BREAK_GLASS])] } },
        },
      ],
    },
  });
}

/** An SCP denying every Region but eu-west-1 and us-east-1, except the global `notActions`. */
export function regionAllowList(name: string, notActions: readonly string[]): OrganizationPolicy {
  return serviceControlPolicy({
    name,
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyOtherRegions',
          Effect: 'Deny',
          NotAction: [...notActions],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
        },
      ],
    },
  });
}

/** ReadOnly with AWS's ReadOnlyAccess; `fields` overrides or adds (session, inline policy…). */
export function readOnlyPermissionSet(fields: Partial<PermissionSetOptions> = {}): PermissionSet {
  return permissionSet({ name: 'ReadOnly', managedPolicies: [READ_ONLY_ACCESS], ...fields });
}

/** Admin with AWS's AdministratorAccess; `fields` overrides or adds. */
export function adminPermissionSet(fields: Partial<PermissionSetOptions> = {}): PermissionSet {
  return permissionSet({ name: 'Admin', managedPolicies: [ADMINISTRATOR_ACCESS], ...fields });
}

/** The management account `management` (aws-management@example.com) under `parent`. */
export function management(parent: Parent, email = 'aws-management@example.com'): Account {
  return managementAccount({ name: 'management', email, parent });
}
