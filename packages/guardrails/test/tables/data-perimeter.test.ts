import { anonymous, external, permissionSet, service } from '@orgops/simulate';
import { enforceOrganizationIdentities, RESOURCE_ORGANIZATION } from '../../src/index.ts';
import { admin, ID, landingZone, ORGANIZATION_ID, requestTable, singleAccount } from '../table.ts';

const OBJECT = 'arn:aws:s3:::payments-data/report.csv';
/** A bucket policy that, by mistake, shares with everyone: the perimeter must still hold. */
const publicRead = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::payments-data/*' },
  ],
};
const serviceWrite = (principal: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: principal },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::payments-data/*',
    },
  ],
});
const onBucket = { resource: OBJECT, resourceAccount: 'workload' } as const;

requestTable('enforceSecureTransport, enforceOrganizationIdentities, confusedDeputyProtection', landingZone, [
  {
    ...onBucket,
    name: 'TLS: a plain-HTTP request is denied',
    principal: admin(),
    action: 's3:GetObject',
    context: { 'aws:SecureTransport': 'false' },
    expect: 'ExplicitlyDenied',
    by: 'enforce-secure-transport/EnforceSecureTransport',
  },
  {
    ...onBucket,
    name: 'TLS: a request that does not say is denied (fails closed)',
    principal: admin(),
    action: 's3:GetObject',
    omitContext: ['aws:SecureTransport'],
    expect: 'ExplicitlyDenied',
    by: 'enforce-secure-transport/EnforceSecureTransport',
  },
  {
    ...onBucket,
    name: 'TLS: a TLS request passes',
    principal: admin(),
    action: 's3:GetObject',
    expect: 'Allowed',
  },
  {
    name: 'TLS: services it does not cover are left alone',
    principal: admin(),
    action: 'dynamodb:GetItem',
    context: { 'aws:SecureTransport': 'false' },
    expect: 'Allowed',
  },
  {
    ...onBucket,
    resourcePolicy: publicRead,
    name: 'identities: a principal of another organization is denied despite a public bucket policy',
    principal: external(`arn:aws:iam::${ID.outside}:role/reader`, { organizationId: 'o-zz99yy88xx' }),
    action: 's3:GetObject',
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
  },
  {
    ...onBucket,
    resourcePolicy: publicRead,
    name: 'identities: anonymous requests are denied',
    principal: anonymous,
    action: 's3:GetObject',
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
  },
  {
    ...onBucket,
    resourcePolicy: publicRead,
    name: 'identities: another account of this organization passes',
    principal: permissionSet('PlatformAdmin', 'log-archive'),
    action: 's3:GetObject',
    expect: 'Allowed',
  },
  {
    ...onBucket,
    resourcePolicy: publicRead,
    name: 'identities: with the organization id named, a request without aws:ResourceOrgID still fails closed',
    principal: external(`arn:aws:iam::${ID.outside}:role/reader`),
    action: 's3:GetObject',
    omitContext: ['aws:ResourceOrgID'],
    expect: 'ExplicitlyDenied',
    by: 'enforce-organization-identities/EnforceOrganizationIdentities',
    audit: 'issue-7/6j',
  },
  {
    ...onBucket,
    resourcePolicy: serviceWrite('cloudtrail.amazonaws.com'),
    name: 'identities: AWS services acting as themselves pass',
    principal: service('cloudtrail.amazonaws.com'),
    action: 's3:PutObject',
    context: { 'aws:SourceOrgID': ORGANIZATION_ID, 'aws:SourceAccount': ID.workload },
    expect: 'Allowed',
  },
  {
    ...onBucket,
    resourcePolicy: serviceWrite('cloudtrail.amazonaws.com'),
    name: 'confused deputy: a service acting for another organization is denied',
    principal: service('cloudtrail.amazonaws.com'),
    action: 's3:PutObject',
    context: { 'aws:SourceOrgID': 'o-zz99yy88xx', 'aws:SourceAccount': ID.outside },
    expect: 'ExplicitlyDenied',
    by: 'confused-deputy-protection/EnforceConfusedDeputyProtection',
  },
  {
    ...onBucket,
    resourcePolicy: serviceWrite('sns.amazonaws.com'),
    name: 'confused deputy: a service acting for an account with no organization is denied',
    principal: service('sns.amazonaws.com'),
    action: 's3:PutObject',
    context: { 'aws:SourceAccount': ID.outside },
    expect: 'ExplicitlyDenied',
    by: 'confused-deputy-protection/EnforceConfusedDeputyProtection',
  },
  {
    ...onBucket,
    resourcePolicy: serviceWrite('logging.s3.amazonaws.com'),
    name: 'confused deputy: a service call with no source context is left alone',
    principal: service('logging.s3.amazonaws.com'),
    action: 's3:PutObject',
    expect: 'Allowed',
  },
]);

const portable = enforceOrganizationIdentities({ organizationId: RESOURCE_ORGANIZATION });
requestTable(
  'enforceOrganizationIdentities({ organizationId: RESOURCE_ORGANIZATION })',
  () => singleAccount([portable]),
  [
    {
      ...onBucket,
      resourcePolicy: publicRead,
      name: 'works without knowing the id: outsiders are denied',
      principal: external(`arn:aws:iam::${ID.outside}:role/reader`),
      action: 's3:GetObject',
      expect: 'ExplicitlyDenied',
      by: 'enforce-organization-identities/EnforceOrganizationIdentities',
    },
    {
      ...onBucket,
      resourcePolicy: publicRead,
      name: 'trade-off: a request without aws:ResourceOrgID passes (the variable has no value)',
      principal: external(`arn:aws:iam::${ID.outside}:role/reader`, { organizationId: 'o-zz99yy88xx' }),
      action: 's3:GetObject',
      omitContext: ['aws:ResourceOrgID'],
      expect: 'Allowed',
      audit: 'issue-7/6j',
    },
  ],
);

const partners = enforceOrganizationIdentities({
  organizationId: ORGANIZATION_ID,
  trustedAccountIds: ['888877776666'],
  exclusionTagKey: 'dp:exclude:identity',
});
requestTable(
  'enforceOrganizationIdentities({ trustedAccountIds, exclusionTagKey })',
  () => singleAccount([partners]),
  [
    {
      ...onBucket,
      resourcePolicy: publicRead,
      name: 'a trusted account passes',
      principal: external('arn:aws:iam::888877776666:role/vendor'),
      action: 's3:GetObject',
      expect: 'Allowed',
    },
    {
      ...onBucket,
      resourcePolicy: publicRead,
      name: 'other outsiders do not',
      principal: external(`arn:aws:iam::${ID.outside}:role/reader`),
      action: 's3:GetObject',
      expect: 'ExplicitlyDenied',
      by: 'enforce-organization-identities/EnforceOrganizationIdentities',
    },
    {
      name: 'a resource tagged for exclusion is shared on purpose (here a secret)',
      principal: external(`arn:aws:iam::${ID.outside}:role/reader`),
      action: 'secretsmanager:GetSecretValue',
      resource: `arn:aws:secretsmanager:us-east-1:${ID.workload}:secret:shared-AbCdEf`,
      resourceAccount: 'workload',
      resourcePolicy: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        ],
      },
      context: { 'aws:ResourceTag/dp:exclude:identity': 'true' },
      expect: 'Allowed',
    },
    {
      ...onBucket,
      resourcePolicy: publicRead,
      name: 'the exclusion tag cannot reach S3 objects: they carry no aws:ResourceTag',
      principal: anonymous,
      action: 's3:GetObject',
      expect: 'ExplicitlyDenied',
      by: 'enforce-organization-identities/EnforceOrganizationIdentities',
    },
  ],
);
