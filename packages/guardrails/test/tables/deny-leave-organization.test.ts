import { permissionSet } from '@orgops/simulate';
import { admin, breakGlass, landingZone, requestTable } from '../table.ts';

requestTable('denyLeaveOrganization', landingZone, [
  {
    name: 'an account administrator cannot take the account out of the organization',
    principal: admin(),
    action: 'organizations:LeaveOrganization',
    expect: 'ExplicitlyDenied',
    by: 'deny-leave-organization/DenyLeaveOrganization',
  },
  {
    name: 'neither can any permission set',
    principal: permissionSet('PlatformAdmin', 'workload'),
    action: 'organizations:LeaveOrganization',
    expect: 'ExplicitlyDenied',
    by: 'deny-leave-organization/DenyLeaveOrganization',
  },
  {
    name: 'break-glass can, for a planned move to another organization',
    principal: breakGlass(),
    action: 'organizations:LeaveOrganization',
    expect: 'Allowed',
  },
  {
    name: 'reading the organization stays open',
    principal: admin(),
    action: 'organizations:DescribeOrganization',
    expect: 'Allowed',
  },
]);
