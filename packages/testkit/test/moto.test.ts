import { ListRootsCommand } from '@aws-sdk/client-organizations';
import {
  GetPermissionsBoundaryForPermissionSetCommand,
  ListInstancesCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMotoOrganization, type Moto, motoClients, motoOptions, startMoto } from '../src/moto.ts';
import { fillMotoGaps, MOTO_GAPS, motoGap } from '../src/moto-gaps.ts';

let moto: Moto;

beforeAll(async () => {
  moto = await startMoto();
});

afterAll(async () => {
  await moto?.stop();
});

describe('the moto harness', () => {
  it('serves an organization on 127.0.0.1 and forgets it on reset', async () => {
    expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await createMotoOrganization(moto);
    const { organizations } = motoClients(moto);
    expect((await organizations.send(new ListRootsCommand({}))).Roots).toHaveLength(1);
    await moto.reset();
    await expect(organizations.send(new ListRootsCommand({}))).rejects.toThrow(/organization/i);
  });

  it('gives backend options with small pages and extra options on top', () => {
    expect(motoOptions(moto, { pageSize: 5 })).toMatchObject({
      endpoint: moto.endpoint,
      pageSize: 5,
      maxAttempts: 2,
    });
  });
});

describe('the moto gap list', () => {
  it('answers every substituted read the way AWS does', async () => {
    const clients = motoClients(moto);
    fillMotoGaps(clients);
    const instance =
      (await clients.ssoAdmin.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn ?? '';
    const PermissionSetArn = `${instance}/ps-0123456789abcdef`;
    await expect(
      clients.ssoAdmin.send(
        new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn: instance, PermissionSetArn }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(
      (
        await clients.ssoAdmin.send(
          new ListTagsForResourceCommand({ InstanceArn: instance, ResourceArn: PermissionSetArn }),
        )
      ).Tags,
    ).toEqual([]);
  });

  it('names a gap with how the kit handles it', () => {
    expect(motoGap('assignment-does-not-provision')).toBe(
      '(moto gap assignment-does-not-provision: not-on-moto)',
    );
    for (const gap of Object.values(MOTO_GAPS)) {
      expect(gap.moto.length).toBeGreaterThan(0);
      expect(gap.aws.length).toBeGreaterThan(0);
    }
  });
});
