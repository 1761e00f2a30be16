import type { RequestRow } from '@orgops/simulate';
import { ROLE_CHANGE_ACTIONS } from '../../src/index.ts';
import { admin, breakGlass, ID, landingZone, requestTable } from '../table.ts';

const BREAK_GLASS_ROLE = `arn:aws:iam::${ID.workload}:role/break-glass`;
const APP_ROLE = `arn:aws:iam::${ID.workload}:role/app/web`;
const BREAK_GLASS_POLICY = `arn:aws:iam::${ID.workload}:policy/break-glass/permissions`;

requestTable('protectPrivilegedRoles', landingZone, [
  ...ROLE_CHANGE_ACTIONS.flatMap((action): RequestRow[] => [
    {
      name: `an account administrator cannot ${action} on break-glass`,
      principal: admin(),
      action,
      resource: BREAK_GLASS_ROLE,
      expect: 'ExplicitlyDenied',
      by: 'protect-privileged-roles/ProtectPrivilegedRoles',
    },
    {
      name: `break-glass can ${action} on itself`,
      principal: breakGlass(),
      action,
      resource: BREAK_GLASS_ROLE,
      expect: 'Allowed',
    },
  ]),
  {
    name: 'an account administrator cannot hand break-glass to a service (iam:PassRole)',
    principal: admin(),
    action: 'iam:PassRole',
    resource: BREAK_GLASS_ROLE,
    expect: 'ExplicitlyDenied',
    by: 'protect-privileged-roles/DenyPassingPrivilegedRoles',
    audit: 'issue-7/5',
  },
  {
    name: 'nor rewrite a policy attached to it with a new default version',
    principal: admin(),
    action: 'iam:CreatePolicyVersion',
    resource: BREAK_GLASS_POLICY,
    expect: 'ExplicitlyDenied',
    by: 'protect-privileged-roles/ProtectPrivilegedPolicies',
    audit: 'issue-7/5',
  },
  {
    name: 'nor switch its default version',
    principal: admin(),
    action: 'iam:SetDefaultPolicyVersion',
    resource: BREAK_GLASS_POLICY,
    expect: 'ExplicitlyDenied',
    by: 'protect-privileged-roles/ProtectPrivilegedPolicies',
  },
  {
    name: 'ordinary roles stay the account’s to manage',
    principal: admin(),
    action: 'iam:CreateRole',
    resource: APP_ROLE,
    expect: 'Allowed',
  },
  { name: 'and to pass', principal: admin(), action: 'iam:PassRole', resource: APP_ROLE, expect: 'Allowed' },
  {
    name: 'and ordinary policies to version',
    principal: admin(),
    action: 'iam:CreatePolicyVersion',
    resource: `arn:aws:iam::${ID.workload}:policy/app/web`,
    expect: 'Allowed',
  },
]);
