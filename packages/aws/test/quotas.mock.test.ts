/**
 * The account quota read. moto's Service Quotas knows only VPC quotas, so the request shapes and
 * the answers AWS gives are tested with aws-sdk-client-mock.
 */

import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  AccessDeniedException,
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  NoSuchResourceException,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { isServiceError } from '@orgops/live';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type AwsBackend, createAwsBackendFromClients } from '../src/index.ts';

const quotas = mockClient(ServiceQuotasClient);
afterEach(() => quotas.reset());

function backend(): AwsBackend {
  const config = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
  return createAwsBackendFromClients(
    {
      organizations: new OrganizationsClient(config),
      ssoAdmin: new SSOAdminClient(config),
      identityStore: new IdentitystoreClient(config),
      sts: new STSClient(config),
      serviceQuotas: new ServiceQuotasClient(config),
    },
    {
      location: 'mock',
      regions: { organizations: 'us-east-1', ssoAdmin: 'us-east-1' },
      retry: { maxAttempts: 1 },
    },
  );
}

const ACCOUNTS = { ServiceCode: 'organizations', QuotaCode: 'L-29A0C5DF' };

describe('the account quota through Service Quotas', () => {
  it('[mock] reads the applied value of "Default maximum number of accounts"', async () => {
    quotas.on(GetServiceQuotaCommand).resolves({ Quota: { ...ACCOUNTS, Value: 120 } });
    const b = backend();
    expect(await b.quotas?.getAccountQuota()).toBe(120);
    expect(quotas.commandCalls(GetServiceQuotaCommand)[0]?.args[0].input).toEqual(ACCOUNTS);
    expect(b.stats().calls).toEqual({ 'service-quotas:GetServiceQuota': 1 });
  });

  it('[mock] falls back to the AWS default for a quota that was never raised', async () => {
    quotas
      .on(GetServiceQuotaCommand)
      .rejects(new NoSuchResourceException({ message: 'no applied value', $metadata: {} }));
    quotas.on(GetAWSDefaultServiceQuotaCommand).resolves({ Quota: { ...ACCOUNTS, Value: 10 } });
    expect(await backend().quotas?.getAccountQuota()).toBe(10);
    expect(quotas.commandCalls(GetAWSDefaultServiceQuotaCommand)[0]?.args[0].input).toEqual(ACCOUNTS);
  });

  it('[mock] reports a caller without servicequotas permissions as a ServiceError the reader can note', async () => {
    quotas
      .on(GetServiceQuotaCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }));
    const err = await backend()
      .quotas?.getAccountQuota()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isServiceError(err, 'AccessDeniedException')).toBe(true);
    expect(String((err as Error).message)).toContain('service-quotas:GetServiceQuota');
  });

  it('[mock] refuses an answer without a value', async () => {
    quotas.on(GetServiceQuotaCommand).resolves({ Quota: ACCOUNTS });
    await expect(backend().quotas?.getAccountQuota()).rejects.toMatchObject({ code: 'InvalidResponse' });
  });
});
