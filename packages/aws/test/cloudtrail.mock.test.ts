/**
 * LookupEvents, which moto does not implement (MOTO_GAPS in @orgops/testkit/moto-gaps): our request shapes and the mapping of
 * CloudTrail records, through aws-sdk-client-mock.
 */

import { CloudTrailClient, LookupEventsCommand, ThrottlingException } from '@aws-sdk/client-cloudtrail';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { CLOUDTRAIL_DELIVERY_DELAY_MS, CLOUDTRAIL_RETENTION_MS, toTrailEvent } from '../src/cloudtrail.ts';
import { createAwsBackendFromClients } from '../src/index.ts';

const config = { credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
const START = new Date('2026-06-01T00:00:00Z');
const END = new Date('2026-06-02T00:00:00Z');

const record = (name: string, requestParameters: unknown, errorCode?: string) =>
  JSON.stringify({ eventName: name, requestParameters, ...(errorCode ? { errorCode } : {}) });

function backend(regions: readonly string[]) {
  const trails = Object.fromEntries(regions.map((r) => [r, new CloudTrailClient({ ...config, region: r })]));
  const b = createAwsBackendFromClients(
    {
      organizations: new OrganizationsClient({ ...config, region: 'us-east-1' }),
      ssoAdmin: new SSOAdminClient({ ...config, region: 'eu-west-1' }),
      identityStore: new IdentitystoreClient({ ...config, region: 'eu-west-1' }),
      sts: new STSClient({ ...config, region: 'eu-west-1' }),
      cloudTrail: trails,
    },
    {
      location: 'mock',
      regions: { organizations: 'us-east-1', ssoAdmin: 'eu-west-1' },
      pageSize: 2,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    },
  );
  return { b, mocks: Object.fromEntries(regions.map((r) => [r, mockClient(trails[r]!)])) };
}

describe('CloudTrail LookupEvents (aws-sdk-client-mock)', () => {
  it('[mock] asks each Region for writes in the window, every page, and reads the records', async () => {
    const { b, mocks } = backend(['us-east-1', 'eu-west-1']);
    mocks['us-east-1']!.on(LookupEventsCommand)
      .resolvesOnce({
        Events: [
          {
            EventId: 'e1',
            EventName: 'AttachPolicy',
            EventSource: 'organizations.amazonaws.com',
            EventTime: new Date('2026-06-01T10:00:00Z'),
            CloudTrailEvent: record('AttachPolicy', { policyId: 'p-1', targetId: 'ou-1' }),
          },
        ],
        NextToken: 't1',
      })
      .resolvesOnce({
        Events: [
          {
            EventId: 'e2',
            EventName: 'DetachPolicy',
            EventSource: 'organizations.amazonaws.com',
            EventTime: new Date('2026-06-01T09:00:00Z'),
            CloudTrailEvent: record(
              'DetachPolicy',
              { policyId: 'p-1', targetId: 'r-1' },
              'ConstraintViolationException',
            ),
          },
        ],
      });
    mocks['eu-west-1']!.on(LookupEventsCommand).resolves({
      Events: [
        {
          EventId: 'e3',
          EventName: 'UpdatePermissionSet',
          EventSource: 'sso.amazonaws.com',
          EventTime: new Date('2026-06-01T08:00:00Z'),
          CloudTrailEvent: record('UpdatePermissionSet', { permissionSetArn: 'arn:ps' }),
        },
      ],
    });
    const trail = b.cloudTrail!;
    expect(trail.deliveryDelayMs).toBe(CLOUDTRAIL_DELIVERY_DELAY_MS);
    expect(trail.retentionMs).toBe(CLOUDTRAIL_RETENTION_MS);
    expect(await trail.lookupWriteEvents(START, END)).toEqual([
      {
        id: 'e1',
        time: '2026-06-01T10:00:00.000Z',
        source: 'organizations.amazonaws.com',
        name: 'AttachPolicy',
        request: { policyId: 'p-1', targetId: 'ou-1' },
      },
      {
        id: 'e2',
        time: '2026-06-01T09:00:00.000Z',
        source: 'organizations.amazonaws.com',
        name: 'DetachPolicy',
        request: { policyId: 'p-1', targetId: 'r-1' },
        errorCode: 'ConstraintViolationException',
      },
      {
        id: 'e3',
        time: '2026-06-01T08:00:00.000Z',
        source: 'sso.amazonaws.com',
        name: 'UpdatePermissionSet',
        request: { permissionSetArn: 'arn:ps' },
      },
    ]);
    const calls = mocks['us-east-1']!.commandCalls(LookupEventsCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      {
        LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }],
        StartTime: START,
        EndTime: END,
        MaxResults: 2,
      },
      {
        LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }],
        StartTime: START,
        EndTime: END,
        MaxResults: 2,
        NextToken: 't1',
      },
    ]);
    expect(b.stats().calls).toEqual({ 'cloudtrail:LookupEvents': 3 });
  });

  it('[mock] retries throttling, and maps a final failure to a ServiceError', async () => {
    const { b, mocks } = backend(['us-east-1']);
    mocks['us-east-1']!.on(LookupEventsCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves({ Events: [] });
    expect(await b.cloudTrail!.lookupWriteEvents(START, END)).toEqual([]);
    expect(b.stats()).toMatchObject({
      calls: { 'cloudtrail:LookupEvents': 1 },
      retries: { 'cloudtrail:LookupEvents': 1 },
    });
    mocks['us-east-1']!.reset();
    mocks['us-east-1']!.on(LookupEventsCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: cloudtrail:LookupEvents'), {
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(b.cloudTrail!.lookupWriteEvents(START, END)).rejects.toMatchObject({
      name: 'ServiceError',
      service: 'cloudtrail',
      code: 'AccessDeniedException',
    });
  });

  it('keeps a record it cannot read as one without request parameters (drift then reads everything)', () => {
    expect(
      toTrailEvent({ EventId: 'x', EventName: 'AttachPolicy', CloudTrailEvent: '{not json' }),
    ).toMatchObject({
      request: null,
    });
    expect(toTrailEvent({ EventId: 'x', CloudTrailEvent: record('AttachPolicy', null) }).request).toBeNull();
  });

  it('creates one client per Region it needs: Organizations is recorded in its home Region', async () => {
    const { createAwsClients } = await import('../src/index.ts');
    const { clients } = await createAwsClients({ region: 'eu-west-1', credentials: config.credentials });
    expect(Object.keys(clients.cloudTrail ?? {}).sort()).toEqual(['eu-west-1', 'us-east-1']);
    const same = await createAwsClients({ region: 'us-east-1', credentials: config.credentials });
    expect(Object.keys(same.clients.cloudTrail ?? {})).toEqual(['us-east-1']);
    for (const c of [
      ...Object.values(clients.cloudTrail ?? {}),
      ...Object.values(same.clients.cloudTrail ?? {}),
    ])
      c.destroy();
  });
});
