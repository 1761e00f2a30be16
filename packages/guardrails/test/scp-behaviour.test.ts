import { describe, expect, it } from 'vitest';
import {
  ACCESS_ANALYZER_PROTECTED_ACTIONS,
  CLOUDTRAIL_PROTECTED_ACTIONS,
  CONFIG_PROTECTED_ACTIONS,
  denyAll,
  denyIamUsersAndAccessKeys,
  denyLeaveOrganization,
  denyRootUser,
  GUARDDUTY_PROTECTED_ACTIONS,
  LONG_LIVED_CREDENTIAL_ACTIONS,
  protectCloudTrail,
  protectPrivilegedRoles,
  protectS3PublicAccessBlock,
  protectSecurityServices,
  ROLE_CHANGE_ACTIONS,
  regionAllowList,
  requireImdsV2,
  SECURITY_HUB_PROTECTED_ACTIONS,
} from '../src/index.ts';
import { isDenied, type Request } from './evaluate.ts';
import { exempt } from './fixtures.ts';

const DEVELOPER =
  'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developer_0123456789abcdef';
const PIPELINE = 'arn:aws:iam::111122223333:role/orgops-apply';
const BREAK_GLASS = 'arn:aws:iam::444455556666:role/break-glass';
const ROOT = 'arn:aws:iam::111122223333:root';

const as = (
  principalArn: string,
  action: string,
  context?: Request['context'],
  resource?: string,
): Request => ({
  principalArn,
  action,
  ...(context ? { context } : {}),
  ...(resource ? { resource } : {}),
});

describe('denyRootUser', () => {
  const policy = denyRootUser().content;
  it('denies the root user any action', () => {
    expect(isDenied(policy, as(ROOT, 's3:GetObject'))).toBe(true);
    expect(isDenied(policy, as(ROOT, 'iam:CreateRole'))).toBe(true);
  });
  it('lets centralized root sessions (sts:AssumeRoot) through by default', () => {
    expect(isDenied(policy, as(ROOT, 's3:DeleteBucketPolicy', { 'aws:AssumedRoot': 'true' }))).toBe(false);
    const strict = denyRootUser({ allowCentralizedRootSessions: false }).content;
    expect(isDenied(strict, as(ROOT, 's3:DeleteBucketPolicy', { 'aws:AssumedRoot': 'true' }))).toBe(true);
  });
  it('leaves roles alone', () => {
    expect(isDenied(policy, as(DEVELOPER, 's3:GetObject'))).toBe(false);
  });
});

describe('protectSecurityServices', () => {
  const policy = protectSecurityServices(exempt).content;
  const protectedActions = [
    ...CLOUDTRAIL_PROTECTED_ACTIONS,
    ...CONFIG_PROTECTED_ACTIONS,
    ...GUARDDUTY_PROTECTED_ACTIONS,
    ...SECURITY_HUB_PROTECTED_ACTIONS,
    ...ACCESS_ANALYZER_PROTECTED_ACTIONS,
  ];

  it.each(protectedActions)('denies %s to a developer and allows it to the exempt roles', (action) => {
    expect(isDenied(policy, as(DEVELOPER, action))).toBe(true);
    expect(isDenied(policy, as(PIPELINE, action))).toBe(false);
    expect(isDenied(policy, as(BREAK_GLASS, action))).toBe(false);
  });

  it.each([
    'cloudtrail:StopLogging',
    'config:StopConfigurationRecorder',
    'guardduty:DeleteDetector',
    'securityhub:DisableSecurityHub',
    'access-analyzer:DeleteAnalyzer',
  ])('covers each service: %s', (action) => {
    expect(isDenied(policy, as(DEVELOPER, action))).toBe(true);
  });

  it.each([
    'cloudtrail:LookupEvents',
    'config:DescribeConfigurationRecorders',
    'guardduty:GetFindings',
    'securityhub:GetFindings',
    'guardduty:UpdateFindingsFeedback',
    'securityhub:BatchUpdateFindings',
  ])('still allows reading and triaging: %s', (action) => {
    expect(isDenied(policy, as(DEVELOPER, action))).toBe(false);
  });

  it('can be narrowed to some services', () => {
    const trailOnly = protectSecurityServices({ ...exempt, services: ['cloudtrail'] }).content;
    expect(isDenied(trailOnly, as(DEVELOPER, 'cloudtrail:StopLogging'))).toBe(true);
    expect(isDenied(trailOnly, as(DEVELOPER, 'guardduty:DeleteDetector'))).toBe(false);
  });

  it('refuses an empty service list', () => {
    expect(() => protectSecurityServices({ ...exempt, services: [] })).toThrow(
      expect.objectContaining({ code: 'guardrail-options-invalid' }),
    );
  });
});

describe('protectCloudTrail', () => {
  it('can be scoped to the organization trail', () => {
    const trail = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail';
    const policy = protectCloudTrail({ ...exempt, resources: [trail] }).content;
    expect(isDenied(policy, as(DEVELOPER, 'cloudtrail:StopLogging', undefined, trail))).toBe(true);
    const own = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/team-trail';
    expect(isDenied(policy, as(DEVELOPER, 'cloudtrail:StopLogging', undefined, own))).toBe(false);
  });
});

describe('denyLeaveOrganization', () => {
  const policy = denyLeaveOrganization(exempt).content;
  it('denies leaving, except to the exempt roles', () => {
    expect(isDenied(policy, as(DEVELOPER, 'organizations:LeaveOrganization'))).toBe(true);
    expect(isDenied(policy, as(BREAK_GLASS, 'organizations:LeaveOrganization'))).toBe(false);
    expect(isDenied(policy, as(DEVELOPER, 'organizations:DescribeOrganization'))).toBe(false);
  });
});

describe('regionAllowList', () => {
  const policy = regionAllowList(['us-east-1', 'eu-west-1'], exempt).content;
  const inRegion = (principal: string, action: string, region: string) =>
    as(principal, action, { 'aws:RequestedRegion': region });

  it('denies regional services outside the list', () => {
    expect(isDenied(policy, inRegion(DEVELOPER, 'ec2:RunInstances', 'ap-southeast-2'))).toBe(true);
    expect(isDenied(policy, inRegion(DEVELOPER, 'lambda:CreateFunction', 'sa-east-1'))).toBe(true);
  });
  it('allows the listed Regions', () => {
    expect(isDenied(policy, inRegion(DEVELOPER, 'ec2:RunInstances', 'eu-west-1'))).toBe(false);
    expect(isDenied(policy, inRegion(DEVELOPER, 'ec2:RunInstances', 'us-east-1'))).toBe(false);
  });
  it('leaves global services alone wherever they are signed', () => {
    expect(isDenied(policy, inRegion(DEVELOPER, 'iam:CreateServiceLinkedRole', 'ap-southeast-2'))).toBe(
      false,
    );
    expect(isDenied(policy, inRegion(DEVELOPER, 'sts:AssumeRole', 'ap-southeast-2'))).toBe(false);
    expect(
      isDenied(policy, inRegion(DEVELOPER, 'organizations:DescribeOrganization', 'ap-southeast-2')),
    ).toBe(false);
  });
  it('does not bind the exempt roles', () => {
    expect(isDenied(policy, inRegion(PIPELINE, 'ec2:RunInstances', 'ap-southeast-2'))).toBe(false);
  });
  it('denies global services too when asked not to exempt them', () => {
    const strict = regionAllowList(['eu-west-1'], { ...exempt, exemptGlobalServices: false }).content;
    expect(isDenied(strict, inRegion(DEVELOPER, 'iam:CreateRole', 'us-east-1'))).toBe(true);
    expect(isDenied(strict, inRegion(DEVELOPER, 'iam:CreateRole', 'eu-west-1'))).toBe(false);
  });
  it('rejects an empty list and things that are not Region codes', () => {
    expect(() => regionAllowList([], exempt)).toThrow(
      expect.objectContaining({ code: 'guardrail-options-invalid' }),
    );
    expect(() => regionAllowList(['eu-west-1', 'Europe', 'us-east1'], exempt)).toThrow(
      /"Europe", "us-east1" are not Region codes/,
    );
  });
});

describe('denyIamUsersAndAccessKeys', () => {
  const policy = denyIamUsersAndAccessKeys(exempt).content;
  it.each(LONG_LIVED_CREDENTIAL_ACTIONS)('denies %s', (action) => {
    expect(isDenied(policy, as(DEVELOPER, action))).toBe(true);
    expect(isDenied(policy, as(BREAK_GLASS, action))).toBe(false);
  });
  it('still allows deactivating and deleting keys, and roles', () => {
    for (const action of [
      'iam:UpdateAccessKey',
      'iam:DeleteAccessKey',
      'iam:DeleteLoginProfile',
      'iam:CreateRole',
    ]) {
      expect(isDenied(policy, as(DEVELOPER, action))).toBe(false);
    }
  });
});

describe('protectS3PublicAccessBlock', () => {
  const policy = protectS3PublicAccessBlock(exempt).content;
  it('denies changing the account setting but not locking down a bucket', () => {
    expect(isDenied(policy, as(DEVELOPER, 's3:PutAccountPublicAccessBlock'))).toBe(true);
    expect(isDenied(policy, as(PIPELINE, 's3:PutAccountPublicAccessBlock'))).toBe(false);
    expect(isDenied(policy, as(DEVELOPER, 's3:PutBucketPublicAccessBlock'))).toBe(false);
  });
});

describe('requireImdsV2', () => {
  const policy = requireImdsV2(exempt).content;
  const instance = 'arn:aws:ec2:eu-west-1:111122223333:instance/*';
  it('denies launching an instance without IMDSv2', () => {
    const launch = (tokens?: string) =>
      as(DEVELOPER, 'ec2:RunInstances', tokens ? { 'ec2:MetadataHttpTokens': tokens } : {}, instance);
    expect(isDenied(policy, launch('optional'))).toBe(true);
    expect(isDenied(policy, launch())).toBe(true);
    expect(isDenied(policy, launch('required'))).toBe(false);
  });
  it('does not touch RunInstances on the other resources of the launch (volumes, network interfaces)', () => {
    const volume = 'arn:aws:ec2:eu-west-1:111122223333:volume/*';
    expect(isDenied(policy, as(DEVELOPER, 'ec2:RunInstances', {}, volume))).toBe(false);
  });
  it('denies changing metadata options except to the exempt roles', () => {
    expect(isDenied(policy, as(DEVELOPER, 'ec2:ModifyInstanceMetadataOptions'))).toBe(true);
    expect(isDenied(policy, as(PIPELINE, 'ec2:ModifyInstanceMetadataOptions'))).toBe(false);
  });
  it('refuses role credentials delivered through IMDSv1', () => {
    const appRole = 'arn:aws:iam::111122223333:role/app/web';
    expect(isDenied(policy, as(appRole, 's3:GetObject', { 'ec2:RoleDelivery': '1.0' }))).toBe(true);
    expect(isDenied(policy, as(appRole, 's3:GetObject', { 'ec2:RoleDelivery': '2.0' }))).toBe(false);
    expect(isDenied(policy, as(DEVELOPER, 's3:GetObject'))).toBe(false);
  });
});

describe('denyAll', () => {
  const policy = denyAll(exempt).content;
  it('denies everything except to the exempt roles', () => {
    expect(isDenied(policy, as(DEVELOPER, 's3:GetObject'))).toBe(true);
    expect(isDenied(policy, as(ROOT, 'ec2:DescribeInstances'))).toBe(true);
    expect(isDenied(policy, as(BREAK_GLASS, 'ec2:DescribeInstances'))).toBe(false);
  });
});

describe('protectPrivilegedRoles', () => {
  const policy = protectPrivilegedRoles({ roleArns: exempt.exemptPrincipalArns, ...exempt }).content;
  const breakGlassRole = 'arn:aws:iam::111122223333:role/break-glass';
  const admin =
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_0123456789abcdef';
  it.each(ROLE_CHANGE_ACTIONS)('denies %s on the break-glass role to an account admin', (action) => {
    expect(isDenied(policy, as(admin, action, undefined, breakGlassRole))).toBe(true);
  });
  it('lets the exempt roles manage themselves and leaves other roles alone', () => {
    expect(isDenied(policy, as(PIPELINE, 'iam:UpdateAssumeRolePolicy', undefined, breakGlassRole))).toBe(
      false,
    );
    expect(
      isDenied(policy, as(admin, 'iam:CreateRole', undefined, 'arn:aws:iam::111122223333:role/app/web')),
    ).toBe(false);
  });
  it('refuses an empty or non-role list', () => {
    expect(() => protectPrivilegedRoles({ roleArns: [], ...exempt })).toThrow(/roleArns is empty/);
    expect(() => protectPrivilegedRoles({ roleArns: ['arn:aws:iam::*:user/bob'], ...exempt })).toThrow(
      /not role ARNs/,
    );
  });
});
