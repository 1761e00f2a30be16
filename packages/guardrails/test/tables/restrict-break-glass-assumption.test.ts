import { external } from '@orgops/simulate';
import { admin, ID, landingZone, requestTable } from '../table.ts';

const breakGlassIn = (id: string) => `arn:aws:iam::${id}:role/break-glass`;
/** The trust the audit warns about: break-glass trusting its own account. */
const trustsAccount = (id: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' }],
});

requestTable('restrictBreakGlassAssumption', landingZone, [
  {
    name: 'an admin of the account cannot assume a break-glass role that trusts the account',
    principal: admin('workload'),
    action: 'sts:AssumeRole',
    resource: breakGlassIn(ID.workload),
    resourcePolicy: trustsAccount(ID.workload),
    expect: 'ExplicitlyDenied',
    by: 'restrict-break-glass-assumption/DenyAssumingBreakGlass',
    audit: 'issue-7/5',
  },
  {
    name: 'nor one in another member account',
    principal: admin('log-archive'),
    action: 'sts:AssumeRole',
    resource: breakGlassIn(ID.workload),
    resourceAccount: 'workload',
    resourcePolicy: trustsAccount(ID.logArchive),
    expect: 'ExplicitlyDenied',
    by: 'restrict-break-glass-assumption/DenyAssumingBreakGlass',
  },
  {
    name: 'the management account assumes it (no SCP binds it)',
    principal: admin('management'),
    action: 'sts:AssumeRole',
    resource: breakGlassIn(ID.workload),
    resourceAccount: 'workload',
    resourcePolicy: trustsAccount(ID.management),
    expect: 'Allowed',
  },
  {
    name: 'outsiders are stopped by the identity perimeter even if trusted',
    principal: external(`arn:aws:iam::${ID.outside}:role/attacker`),
    action: 'sts:AssumeRole',
    resource: breakGlassIn(ID.workload),
    resourceAccount: 'workload',
    resourcePolicy: trustsAccount(ID.outside),
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
  },
  {
    name: 'other roles stay assumable as their trust says',
    principal: admin('workload'),
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${ID.workload}:role/app/deploy`,
    resourcePolicy: trustsAccount(ID.workload),
    expect: 'Allowed',
  },
]);
