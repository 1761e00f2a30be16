import { permissionSet, type RequestRow, role, rootUser } from '@orgops/simulate';
import { ADMINISTRATOR_ACCESS, breakGlass, example, idOf, memberAccounts, requestTable } from './example.ts';

const sim = example();
const perAccount = (name: string): RequestRow[] => {
  const admin = permissionSet('PlatformAdmin', name);
  const id = idOf(sim, name);
  const breakGlassRole = `arn:aws:iam::${id}:role/break-glass`;
  const trustsOwnAccount = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' }],
  };
  return [
    {
      name: `${name}: root can do nothing`,
      principal: rootUser(name),
      action: 's3:ListAllMyBuckets',
      expect: 'ExplicitlyDenied',
      by: 'deny-root-user/DenyRootUser',
    },
    {
      name: `${name}: the account cannot leave the organization`,
      principal: admin,
      action: 'organizations:LeaveOrganization',
      expect: 'ExplicitlyDenied',
      by: 'deny-leave-organization/DenyLeaveOrganization',
    },
    {
      name: `${name}: no IAM users`,
      principal: admin,
      action: 'iam:CreateUser',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyLongLivedCredentials',
    },
    {
      name: `${name}: no access keys`,
      principal: admin,
      action: 'iam:CreateAccessKey',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyLongLivedCredentials',
    },
    {
      name: `${name}: PlatformAdmin cannot re-activate a deactivated key`,
      principal: admin,
      action: 'iam:UpdateAccessKey',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyAccessKeyStatusChanges',
      audit: 'issue-7/6a',
    },
    {
      name: `${name}: IncidentResponder deactivates a leaked key`,
      principal: permissionSet('IncidentResponder', name),
      action: 'iam:UpdateAccessKey',
      expect: 'Allowed',
    },
    {
      name: `${name}: no OIDC provider outside Identity Center`,
      principal: admin,
      action: 'iam:CreateOpenIDConnectProvider',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyFederationOutsideIdentityCenter',
      audit: 'issue-7/6b',
    },
    {
      name: `${name}: no SAML provider outside Identity Center`,
      principal: admin,
      action: 'iam:CreateSAMLProvider',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyFederationOutsideIdentityCenter',
      audit: 'issue-7/6b',
    },
    {
      name: `${name}: no Identity Center account instance`,
      principal: admin,
      action: 'sso:CreateInstance',
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyFederationOutsideIdentityCenter',
      audit: 'issue-7/6c',
    },
    {
      name: `${name}: account-level Block Public Access stays on`,
      principal: admin,
      action: 's3:PutAccountPublicAccessBlock',
      expect: 'ExplicitlyDenied',
      by: 'protect-s3-public-access-block/ProtectS3AccountPublicAccessBlock',
    },
    {
      name: `${name}: PlatformAdmin cannot rewrite break-glass's trust`,
      principal: admin,
      action: 'iam:UpdateAssumeRolePolicy',
      resource: breakGlassRole,
      expect: 'ExplicitlyDenied',
      by: 'protect-privileged-roles/ProtectPrivilegedRoles',
    },
    {
      name: `${name}: PlatformAdmin cannot pass break-glass to a service`,
      principal: admin,
      action: 'iam:PassRole',
      resource: breakGlassRole,
      expect: 'ExplicitlyDenied',
      by: 'protect-privileged-roles/DenyPassingPrivilegedRoles',
      audit: 'issue-7/5',
    },
    {
      name: `${name}: nor version a policy attached to it`,
      principal: admin,
      action: 'iam:CreatePolicyVersion',
      resource: `arn:aws:iam::${id}:policy/break-glass/permissions`,
      expect: 'ExplicitlyDenied',
      by: 'protect-privileged-roles/ProtectPrivilegedPolicies',
      audit: 'issue-7/5',
    },
    {
      name: `${name}: nor assume it when it trusts the account`,
      principal: admin,
      action: 'sts:AssumeRole',
      resource: breakGlassRole,
      resourcePolicy: trustsOwnAccount,
      expect: 'ExplicitlyDenied',
      by: 'restrict-break-glass-assumption/DenyAssumingBreakGlass',
      audit: 'issue-7/5',
    },
    {
      // iam-simulate reports this as implicit (it models AWS's own protection of the path) and names
      // the SCP's Deny too; the SCP is what holds if AWS's protection does not cover creation.
      name: `${name}: nobody creates a look-alike of the responder's Identity Center role`,
      principal: admin,
      action: 'iam:CreateRole',
      resource: `arn:aws:iam::${id}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_IncidentResponder_0123456789abcdef`,
      expect: 'ImplicitlyDenied',
      by: 'protect-privileged-roles/ProtectPrivilegedRoles',
    },
    {
      name: `${name}: a role named orgops-plan here is bound like any other (the pipeline runs in the management account)`,
      principal: role('orgops-plan', name, { managedPolicies: [ADMINISTRATOR_ACCESS] }),
      action: 'organizations:LeaveOrganization',
      expect: 'ExplicitlyDenied',
      by: 'deny-leave-organization/DenyLeaveOrganization',
      audit: 'issue-7/5',
    },
    {
      name: `${name}: break-glass can leave every guardrail, which is why the above hold`,
      principal: breakGlass(name),
      action: 'organizations:LeaveOrganization',
      expect: 'Allowed',
    },
    {
      name: `${name}: ordinary IAM work stays open (a role for an application)`,
      principal: admin,
      action: 'iam:CreateRole',
      resource: `arn:aws:iam::${id}:role/app/web`,
      expect: 'Allowed',
    },
    {
      name: `${name}: and passing it`,
      principal: admin,
      action: 'iam:PassRole',
      resource: `arn:aws:iam::${id}:role/app/web`,
      expect: 'Allowed',
    },
  ];
};

requestTable('organization-wide guardrails in every member account', () => sim, [
  ...memberAccounts.flatMap((a) => perAccount(a.name)),
  {
    name: 'break-glass is assumed from the management account, where no SCP applies',
    principal: role('break-glass-operator', 'management', {
      inlinePolicies: [
        {
          name: 'assume-break-glass',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/break-glass' },
            ],
          },
        },
      ],
    }),
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${idOf(sim, 'payments-prod')}:role/break-glass`,
    resourceAccount: 'payments-prod',
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${idOf(sim, 'management')}:root` },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    expect: 'Allowed',
  },
]);
