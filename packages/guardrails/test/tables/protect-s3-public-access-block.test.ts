import { permissionSet } from '@orgops/simulate';
import { admin, breakGlass, landingZone, requestTable } from '../table.ts';

requestTable('protectS3PublicAccessBlock', landingZone, [
  {
    name: 'an account administrator cannot change account-level Block Public Access',
    principal: admin(),
    action: 's3:PutAccountPublicAccessBlock',
    expect: 'ExplicitlyDenied',
    by: 'protect-s3-public-access-block/ProtectS3AccountPublicAccessBlock',
  },
  {
    name: 'break-glass can',
    principal: breakGlass(),
    action: 's3:PutAccountPublicAccessBlock',
    expect: 'Allowed',
  },
  {
    name: 'reading it stays open',
    principal: admin(),
    action: 's3:GetAccountPublicAccessBlock',
    expect: 'Allowed',
  },
  {
    name: 'a responder can lock one bucket down',
    principal: permissionSet('IncidentResponder', 'workload'),
    action: 's3:PutBucketPublicAccessBlock',
    resource: 'arn:aws:s3:::exposed-bucket',
    expect: 'Allowed',
  },
]);
