import { permissionSet, type RequestRow } from '@orgops/simulate';
import { FEDERATION_ACTIONS, LONG_LIVED_CREDENTIAL_ACTIONS } from '../../src/index.ts';
import { admin, breakGlass, landingZone, requestTable } from '../table.ts';

const USER = 'arn:aws:iam::111111111111:user/legacy-ci';

requestTable('denyIamUsersAndAccessKeys', landingZone, [
  ...LONG_LIVED_CREDENTIAL_ACTIONS.flatMap((action): RequestRow[] => [
    {
      name: `an account administrator cannot ${action}`,
      principal: admin(),
      action,
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyLongLivedCredentials',
    },
    { name: `break-glass can ${action}`, principal: breakGlass(), action, expect: 'Allowed' },
  ]),
  ...FEDERATION_ACTIONS.map(
    (action): RequestRow => ({
      name: `no sign-in outside Identity Center: ${action}`,
      principal: admin(),
      action,
      expect: 'ExplicitlyDenied',
      by: 'deny-iam-users-and-access-keys/DenyFederationOutsideIdentityCenter',
      audit: 'issue-7/6b',
    }),
  ),
  {
    name: 'an account administrator cannot re-activate a deactivated key (UpdateAccessKey)',
    principal: admin(),
    action: 'iam:UpdateAccessKey',
    resource: USER,
    expect: 'ExplicitlyDenied',
    by: 'deny-iam-users-and-access-keys/DenyAccessKeyStatusChanges',
    audit: 'issue-7/6a',
  },
  {
    name: 'an incident responder can still deactivate a leaked key',
    principal: permissionSet('IncidentResponder', 'workload'),
    action: 'iam:UpdateAccessKey',
    resource: USER,
    expect: 'Allowed',
  },
  {
    name: 'deleting a key stays open',
    principal: admin(),
    action: 'iam:DeleteAccessKey',
    resource: USER,
    expect: 'Allowed',
  },
  {
    name: 'removing a console password stays open',
    principal: admin(),
    action: 'iam:DeleteLoginProfile',
    resource: USER,
    expect: 'Allowed',
  },
  {
    name: 'roles are how workloads get credentials',
    principal: admin(),
    action: 'iam:CreateRole',
    expect: 'Allowed',
  },
]);
