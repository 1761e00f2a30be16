import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { isServiceError, type QuotasPort, ServiceError } from '@orgops/live';
import { LIMITS } from '@orgops/model';
import type { Caller } from './request-pipeline.ts';

const ACCOUNTS = { ServiceCode: 'organizations', QuotaCode: LIMITS.organizations.accountQuotaCode };

/**
 * The account quota through Service Quotas (us-east-1, where Organizations' quotas live).
 * GetServiceQuota answers NoSuchResourceException for a quota that was never raised, so the
 * default value comes from GetAWSDefaultServiceQuota then. IAM: servicequotas:GetServiceQuota and
 * servicequotas:GetAWSDefaultServiceQuota.
 */
export function createQuotasPort(client: ServiceQuotasClient, caller: Caller): QuotasPort {
  return {
    async getAccountQuota() {
      try {
        const out = await caller.call('service-quotas', 'GetServiceQuota', () =>
          client.send(new GetServiceQuotaCommand(ACCOUNTS)),
        );
        return quotaValue(out.Quota?.Value, 'GetServiceQuota');
      } catch (err) {
        if (!isServiceError(err, 'NoSuchResourceException')) throw err;
        const out = await caller.call('service-quotas', 'GetAWSDefaultServiceQuota', () =>
          client.send(new GetAWSDefaultServiceQuotaCommand(ACCOUNTS)),
        );
        return quotaValue(out.Quota?.Value, 'GetAWSDefaultServiceQuota');
      }
    },
  };
}

/** A quota without a value is an answer the plan cannot use: reported like any other failed read. */
function quotaValue(value: number | undefined, operation: string): number {
  if (value === undefined || !Number.isFinite(value))
    throw new ServiceError('service-quotas', operation, 'InvalidResponse', 'the answer has no quota value');
  return value;
}
