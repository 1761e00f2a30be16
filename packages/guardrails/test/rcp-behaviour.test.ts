import { describe, expect, it } from 'vitest';
import {
  confusedDeputyProtection,
  enforceOrganizationIdentities,
  enforceSecureTransport,
} from '../src/index.ts';
import { isDenied, type Request } from './evaluate.ts';

const OUR_ORG = 'o-a1b2c3d4e5';
const OTHER_ORG = 'o-zz99yy88xx';
const BUCKET = 'arn:aws:s3:::payments-data/report.csv';

const request = (
  action: string,
  context: Request['context'],
  principalArn = 'arn:aws:iam::111122223333:role/app',
): Request => ({
  principalArn,
  action,
  resource: BUCKET,
  context,
});

describe('enforceSecureTransport', () => {
  const policy = enforceSecureTransport().content;
  it('denies plain-HTTP requests and lets TLS through', () => {
    expect(isDenied(policy, request('s3:GetObject', { 'aws:SecureTransport': 'false' }))).toBe(true);
    expect(isDenied(policy, request('kms:Decrypt', { 'aws:SecureTransport': 'false' }))).toBe(true);
    expect(isDenied(policy, request('s3:GetObject', { 'aws:SecureTransport': 'true' }))).toBe(false);
  });
  it('fails closed when the request carries no transport information', () => {
    expect(isDenied(policy, request('s3:GetObject', {}))).toBe(true);
  });
  it('leaves services it does not cover alone', () => {
    expect(isDenied(policy, request('dynamodb:GetItem', { 'aws:SecureTransport': 'false' }))).toBe(false);
  });
});

describe('enforceOrganizationIdentities', () => {
  const policy = enforceOrganizationIdentities().content;
  const ctx = (principalOrg: string | undefined, extra: Record<string, string> = {}) => ({
    'aws:ResourceOrgID': OUR_ORG,
    ...(principalOrg ? { 'aws:PrincipalOrgID': principalOrg } : {}),
    ...extra,
  });

  it('lets principals of the same organization through', () => {
    expect(isDenied(policy, request('s3:GetObject', ctx(OUR_ORG)))).toBe(false);
    expect(isDenied(policy, request('sts:AssumeRole', ctx(OUR_ORG)))).toBe(false);
  });
  it('denies principals of another organization', () => {
    expect(isDenied(policy, request('s3:GetObject', ctx(OTHER_ORG)))).toBe(true);
    expect(isDenied(policy, request('sts:AssumeRole', ctx(OTHER_ORG)))).toBe(true);
  });
  it('denies anonymous requests (no principal organization at all)', () => {
    expect(isDenied(policy, request('s3:GetObject', ctx(undefined)))).toBe(true);
  });
  it('does not stand in the way of AWS services acting as themselves', () => {
    const service = ctx(undefined, { 'aws:PrincipalIsAWSService': 'true' });
    expect(isDenied(policy, request('s3:PutObject', service, 'cloudtrail.amazonaws.com'))).toBe(false);
  });
  it('leaves web-identity and SAML federation alone (GitHub OIDC, Identity Center sign-in)', () => {
    expect(isDenied(policy, request('sts:AssumeRoleWithWebIdentity', ctx(undefined)))).toBe(false);
    expect(isDenied(policy, request('sts:AssumeRoleWithSAML', ctx(undefined)))).toBe(false);
  });
  it('with a fixed id, trusted accounts and an exclusion tag', () => {
    const custom = enforceOrganizationIdentities({
      organizationId: OUR_ORG,
      trustedAccountIds: ['999988887777'],
      exclusionTagKey: 'dp:exclude:identity',
    }).content;
    const foreign = { 'aws:PrincipalOrgID': OTHER_ORG, 'aws:PrincipalAccount': '123412341234' };
    expect(isDenied(custom, request('s3:GetObject', foreign))).toBe(true);
    expect(
      isDenied(custom, request('s3:GetObject', { ...foreign, 'aws:PrincipalAccount': '999988887777' })),
    ).toBe(false);
    expect(
      isDenied(
        custom,
        request('s3:GetObject', { ...foreign, 'aws:ResourceTag/dp:exclude:identity': 'true' }),
      ),
    ).toBe(false);
    expect(isDenied(custom, request('s3:GetObject', { 'aws:PrincipalOrgID': OUR_ORG }))).toBe(false);
  });
  it('rejects malformed ids with coded errors', () => {
    expect(() => enforceOrganizationIdentities({ organizationId: 'org-123' })).toThrow(
      expect.objectContaining({ code: 'guardrail-options-invalid' }),
    );
    expect(() => enforceOrganizationIdentities({ trustedAccountIds: ['12345'] })).toThrow(
      /"12345" must be 12-digit/,
    );
  });
});

describe('confusedDeputyProtection', () => {
  const policy = confusedDeputyProtection().content;
  const service = (sourceOrg: string | undefined, sourceAccount: string | undefined) => ({
    'aws:ResourceOrgID': OUR_ORG,
    'aws:PrincipalIsAWSService': 'true',
    ...(sourceOrg ? { 'aws:SourceOrgID': sourceOrg } : {}),
    ...(sourceAccount ? { 'aws:SourceAccount': sourceAccount } : {}),
  });
  it('denies a service acting for another organization', () => {
    expect(
      isDenied(
        policy,
        request('s3:PutObject', service(OTHER_ORG, '123412341234'), 'cloudtrail.amazonaws.com'),
      ),
    ).toBe(true);
    expect(
      isDenied(policy, request('sqs:SendMessage', service(undefined, '123412341234'), 'sns.amazonaws.com')),
    ).toBe(true);
  });
  it('lets a service acting for our organization through', () => {
    expect(
      isDenied(policy, request('s3:PutObject', service(OUR_ORG, '111122223333'), 'cloudtrail.amazonaws.com')),
    ).toBe(false);
  });
  it('ignores service calls without source context, and non-service principals', () => {
    expect(
      isDenied(policy, request('s3:PutObject', service(undefined, undefined), 'logging.s3.amazonaws.com')),
    ).toBe(false);
    expect(isDenied(policy, request('s3:PutObject', { 'aws:SourceAccount': '123412341234' }))).toBe(false);
  });
});
