/**
 * Port methods moto does not implement (it answers HTTP 500): permissions boundaries, permission
 * set tags, DescribePermissionSetProvisioningStatus, and IN_PROGRESS / FAILED async statuses,
 * which moto never produces. These use aws-sdk-client-mock, so they test our request shapes and
 * response mapping, not the wire.
 */

import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListTagsForResourceCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  ResourceNotFoundException,
  SSOAdminClient,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackendFromClients } from '../src/index.ts';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef';

const sso = mockClient(SSOAdminClient);
const orgs = mockClient(OrganizationsClient);

afterEach(() => {
  sso.reset();
  orgs.reset();
});

function backend(): AwsBackend {
  const config = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
  return createAwsBackendFromClients(
    {
      organizations: new OrganizationsClient(config),
      ssoAdmin: new SSOAdminClient(config),
      identityStore: new IdentitystoreClient(config),
      sts: new STSClient(config),
    },
    { location: 'mock', regions: { organizations: 'us-east-1', ssoAdmin: 'us-east-1' }, pageSize: 2 },
  );
}

describe('sso-admin operations moto lacks (aws-sdk-client-mock)', () => {
  it('[mock] reads a managed-policy or customer-managed permissions boundary', async () => {
    sso
      .on(GetPermissionsBoundaryForPermissionSetCommand)
      .resolvesOnce({ PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } })
      .resolvesOnce({ PermissionsBoundary: { CustomerManagedPolicyReference: { Name: 'boundary' } } });
    const b = backend();
    expect(await b.ssoAdmin.getPermissionsBoundaryForPermissionSet(INSTANCE, PS)).toEqual({
      managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    expect(await b.ssoAdmin.getPermissionsBoundaryForPermissionSet(INSTANCE, PS)).toEqual({
      customerManagedPolicy: { name: 'boundary', path: '/' },
    });
    expect(sso.commandCalls(GetPermissionsBoundaryForPermissionSetCommand)[0]?.args[0].input).toEqual({
      InstanceArn: INSTANCE,
      PermissionSetArn: PS,
    });
  });

  it('[mock] reports no boundary as undefined (AWS answers ResourceNotFoundException)', async () => {
    sso
      .on(GetPermissionsBoundaryForPermissionSetCommand)
      .rejects(new ResourceNotFoundException({ message: 'no boundary', $metadata: {} }));
    expect(await backend().ssoAdmin.getPermissionsBoundaryForPermissionSet(INSTANCE, PS)).toBeUndefined();
  });

  it('[mock] puts and deletes a boundary with the right request shapes', async () => {
    sso.on(PutPermissionsBoundaryToPermissionSetCommand).resolves({});
    sso.on(DeletePermissionsBoundaryFromPermissionSetCommand).resolves({});
    const b = backend();
    await b.ssoAdmin.putPermissionsBoundaryToPermissionSet(INSTANCE, PS, {
      customerManagedPolicy: { name: 'boundary', path: '/guardrails/' },
    });
    await b.ssoAdmin.putPermissionsBoundaryToPermissionSet(INSTANCE, PS, {
      managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    await b.ssoAdmin.deletePermissionsBoundaryFromPermissionSet(INSTANCE, PS);
    expect(
      sso.commandCalls(PutPermissionsBoundaryToPermissionSetCommand).map((c) => c.args[0].input),
    ).toEqual([
      {
        InstanceArn: INSTANCE,
        PermissionSetArn: PS,
        PermissionsBoundary: { CustomerManagedPolicyReference: { Name: 'boundary', Path: '/guardrails/' } },
      },
      {
        InstanceArn: INSTANCE,
        PermissionSetArn: PS,
        PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      },
    ]);
    expect(sso.commandCalls(DeletePermissionsBoundaryFromPermissionSetCommand)).toHaveLength(1);
    expect(b.stats().calls).toEqual({
      'sso-admin:DeletePermissionsBoundaryFromPermissionSet': 1,
      'sso-admin:PutPermissionsBoundaryToPermissionSet': 2,
    });
  });

  it('[mock] tags, untags and lists permission set tags across pages', async () => {
    sso.on(TagResourceCommand).resolves({});
    sso.on(UntagResourceCommand).resolves({});
    sso
      .on(ListTagsForResourceCommand)
      .resolvesOnce({ Tags: [{ Key: 'owner', Value: 'security' }], NextToken: 't1' })
      .resolvesOnce({ Tags: [{ Key: 'tier', Value: '0' }] });
    const b = backend();
    await b.ssoAdmin.tagResource(INSTANCE, PS, { owner: 'security', tier: '0' });
    await b.ssoAdmin.untagResource(INSTANCE, PS, ['old']);
    await b.ssoAdmin.tagResource(INSTANCE, PS, {});
    expect(await b.ssoAdmin.listTagsForResource(INSTANCE, PS)).toEqual({ owner: 'security', tier: '0' });
    expect(sso.commandCalls(TagResourceCommand).map((c) => c.args[0].input)).toEqual([
      {
        InstanceArn: INSTANCE,
        ResourceArn: PS,
        Tags: [
          { Key: 'owner', Value: 'security' },
          { Key: 'tier', Value: '0' },
        ],
      },
    ]);
    expect(sso.commandCalls(UntagResourceCommand)[0]?.args[0].input).toEqual({
      InstanceArn: INSTANCE,
      ResourceArn: PS,
      TagKeys: ['old'],
    });
    expect(sso.commandCalls(ListTagsForResourceCommand).map((c) => c.args[0].input.NextToken)).toEqual([
      undefined,
      't1',
    ]);
  });

  it('[mock] maps DescribePermissionSetProvisioningStatus IN_PROGRESS and FAILED', async () => {
    sso
      .on(DescribePermissionSetProvisioningStatusCommand)
      .resolvesOnce({ PermissionSetProvisioningStatus: { RequestId: 'r-1', Status: 'IN_PROGRESS' } })
      .resolvesOnce({
        PermissionSetProvisioningStatus: {
          RequestId: 'r-1',
          Status: 'FAILED',
          FailureReason: 'Maximum number of managed policies per role exceeded',
        },
      });
    const b = backend();
    expect(await b.ssoAdmin.describePermissionSetProvisioningStatus(INSTANCE, 'r-1')).toEqual({
      requestId: 'r-1',
      status: 'IN_PROGRESS',
    });
    expect(await b.ssoAdmin.describePermissionSetProvisioningStatus(INSTANCE, 'r-1')).toEqual({
      requestId: 'r-1',
      status: 'FAILED',
      failureReason: 'Maximum number of managed policies per role exceeded',
    });
  });

  it('[mock] returns an IN_PROGRESS assignment creation as is', async () => {
    sso
      .on(CreateAccountAssignmentCommand)
      .resolves({ AccountAssignmentCreationStatus: { RequestId: 'a-1', Status: 'IN_PROGRESS' } });
    const status = await backend().ssoAdmin.createAccountAssignment(INSTANCE, {
      accountId: '111111111111',
      permissionSetArn: PS,
      principalType: 'GROUP',
      principalId: 'g-1',
    });
    expect(status).toEqual({ requestId: 'a-1', status: 'IN_PROGRESS' });
    expect(sso.commandCalls(CreateAccountAssignmentCommand)[0]?.args[0].input).toEqual({
      InstanceArn: INSTANCE,
      PermissionSetArn: PS,
      TargetId: '111111111111',
      TargetType: 'AWS_ACCOUNT',
      PrincipalType: 'GROUP',
      PrincipalId: 'g-1',
    });
  });
});

describe('organizations states moto never produces (aws-sdk-client-mock)', () => {
  it('[mock] maps an IN_PROGRESS and a FAILED create-account status', async () => {
    orgs
      .on(DescribeCreateAccountStatusCommand)
      .resolvesOnce({ CreateAccountStatus: { Id: 'car-1', State: 'IN_PROGRESS' } })
      .resolvesOnce({
        CreateAccountStatus: { Id: 'car-1', State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' },
      });
    const b = backend();
    expect(await b.organizations.describeCreateAccountStatus('car-1')).toEqual({
      requestId: 'car-1',
      state: 'IN_PROGRESS',
    });
    expect(await b.organizations.describeCreateAccountStatus('car-1')).toEqual({
      requestId: 'car-1',
      state: 'FAILED',
      failureReason: 'EMAIL_ALREADY_EXISTS',
    });
  });

  it('[mock] maps a PENDING_ENABLE policy type on the root', async () => {
    orgs.on(ListRootsCommand).resolves({
      Roots: [
        {
          Id: 'r-abcd',
          Name: 'Root',
          PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'PENDING_ENABLE' }],
        },
      ],
    });
    expect(await backend().organizations.listRoots()).toEqual([
      {
        id: 'r-abcd',
        name: 'Root',
        policyTypes: [{ type: 'SERVICE_CONTROL_POLICY', status: 'PENDING_ENABLE' }],
      },
    ]);
  });
});
