import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOrgopsError } from '@orgops/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwsBackend, createAwsClients, destroyAwsClients } from '../src/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgops-aws-'));
  writeFileSync(join(dir, 'config'), '[profile org-admin]\nregion = eu-west-1\n');
  writeFileSync(join(dir, 'credentials'), '');
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_ENDPOINT_URL'])
    vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createAwsBackend configuration', () => {
  it('takes the region from the profile and calls Organizations in us-east-1', async () => {
    const backend = await createAwsBackend({ profile: 'org-admin' });
    expect(backend.kind).toBe('aws');
    expect(backend.regions).toEqual({ organizations: 'us-east-1', ssoAdmin: 'eu-west-1' });
    expect(backend.location).toBe('aws (eu-west-1, profile org-admin)');
    backend.destroy();
  });

  it('honours AWS_REGION, AWS_PROFILE and AWS_ENDPOINT_URL', async () => {
    vi.stubEnv('AWS_REGION', 'ap-southeast-2');
    vi.stubEnv('AWS_PROFILE', 'org-admin');
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1');
    const { clients, location, regions } = await createAwsClients();
    expect(location).toBe('aws (ap-southeast-2, profile org-admin, endpoint http://127.0.0.1:1)');
    expect(regions).toEqual({ organizations: 'us-east-1', ssoAdmin: 'ap-southeast-2' });
    expect(await clients.organizations.config.region()).toBe('us-east-1');
    expect(await clients.ssoAdmin.config.region()).toBe('ap-southeast-2');
    expect(await clients.identityStore.config.region()).toBe('ap-southeast-2');
    destroyAwsClients(clients);
  });

  it('puts sso-admin in ssoRegion and Organizations in the GovCloud home region', async () => {
    const { clients, regions } = await createAwsClients({ region: 'us-east-1', ssoRegion: 'us-gov-east-1' });
    expect(regions).toEqual({ organizations: 'us-gov-west-1', ssoAdmin: 'us-gov-east-1' });
    expect(await clients.organizations.config.region()).toBe('us-gov-west-1');
    destroyAwsClients(clients);
  });

  it('fails with a coded, actionable error when no region is configured', async () => {
    const err = await createAwsBackend({}).catch((e: unknown) => e);
    expect(isOrgopsError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'aws-region-missing' });
    expect((err as Error).message).toContain('Set the region of your IAM Identity Center instance');
  });

  it('never puts credentials in the location string', async () => {
    const backend = await createAwsBackend({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'very-secret' },
    });
    expect(backend.location).toBe('aws (eu-west-1, supplied credentials)');
    expect(JSON.stringify(backend.stats())).not.toContain('AKIA');
    backend.destroy();
  });

  it('validates its numeric options', async () => {
    await expect(createAwsBackend({ region: 'eu-west-1', pageSize: 0 })).rejects.toThrow(/pageSize/);
    await expect(createAwsBackend({ region: 'eu-west-1', maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    await expect(createAwsBackend({ region: 'eu-west-1', rateScale: -1 })).rejects.toThrow(/rateScale/);
  });
});
