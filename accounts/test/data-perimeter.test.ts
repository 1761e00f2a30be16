import { anonymous, external, permissionSet, service } from '@orgops/simulate';
import { example, idOf, requestTable } from './example.ts';

const sim = example();
const OBJECT = 'arn:aws:s3:::payments-data/report.csv';
const publicRead = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::payments-data/*' },
  ],
};
const onBucket = { resource: OBJECT, resourceAccount: 'payments-prod', resourcePolicy: publicRead } as const;

requestTable('data perimeter RCPs at the root', () => sim, [
  {
    ...onBucket,
    name: 'a public bucket policy grants nothing to another organization',
    principal: external('arn:aws:iam::999988887777:role/x', { organizationId: 'o-zz99yy88xx' }),
    action: 's3:GetObject',
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
  },
  {
    ...onBucket,
    name: 'nor to anonymous callers',
    principal: anonymous,
    action: 's3:GetObject',
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
  },
  {
    ...onBucket,
    name: 'plain HTTP is refused even inside the organization',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 's3:GetObject',
    context: { 'aws:SecureTransport': 'false' },
    expect: 'ExplicitlyDenied',
    by: 'enforce-secure-transport/EnforceSecureTransport',
  },
  {
    ...onBucket,
    name: 'another account of the organization reads it over TLS',
    principal: permissionSet('PlatformAdmin', 'data-prod'),
    action: 's3:GetObject',
    expect: 'Allowed',
  },
  {
    ...onBucket,
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: '*',
        },
      ],
    },
    name: 'a service writing for another organization is refused (confused deputy)',
    principal: service('cloudtrail.amazonaws.com'),
    action: 's3:PutObject',
    context: { 'aws:SourceAccount': '999988887777', 'aws:SourceOrgID': 'o-zz99yy88xx' },
    expect: 'ExplicitlyDenied',
    by: 'confused-deputy-protection/EnforceConfusedDeputyProtection',
  },
  {
    ...onBucket,
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: '*',
        },
      ],
    },
    name: 'and one writing for this organization passes',
    principal: service('cloudtrail.amazonaws.com'),
    action: 's3:PutObject',
    context: {
      'aws:SourceAccount': idOf(sim, 'payments-prod'),
      'aws:SourceOrgID': sim.identity.organizationId,
    },
    expect: 'Allowed',
  },
  {
    ...onBucket,
    name: 'documented trade-off: without aws:ResourceOrgID the perimeter, which compares against that variable, lets another organization through',
    principal: external('arn:aws:iam::999988887777:role/x', { organizationId: 'o-zz99yy88xx' }),
    action: 's3:GetObject',
    omitContext: ['aws:ResourceOrgID'],
    expect: 'Allowed',
    audit: 'issue-7/6j',
  },
]);
