/**
 * Client-side pacing measured on real requests: timestamps of the requests as they leave the
 * SDK (recorded by a pass-through middleware) against moto.
 */

import { injectFaults } from '@orgops/testkit/faults';
import { motoOptions } from '@orgops/testkit/moto';
import { describe, expect, it } from 'vitest';
import { createAwsBackendFromClients, createAwsClients } from '../src/index.ts';
import { useMotoPerTest } from './moto-per-test.ts';

const moto = useMotoPerTest();

describe('rate limiter on the wire', () => {
  it('spaces DescribePolicy requests at the documented rate (scaled x10: 20/s after a burst of 2)', async () => {
    const { clients, location, regions } = await createAwsClients(motoOptions(moto));
    const log = injectFaults(clients.organizations, () => undefined);
    const backend = createAwsBackendFromClients(clients, { location, regions, rateScale: 10 });
    try {
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 8 }, () => backend.organizations.describePolicy('p-FullAWSAccess')),
      );
      const at = log.requests.map((r) => r.at - started);
      expect(at).toHaveLength(8);
      // Two go at once (the burst); the other six are granted 50 ms apart, so the last request
      // cannot leave before 300 ms. Without the limiter all eight would leave together.
      expect(at[7]!).toBeGreaterThanOrEqual(299);
      // The k-th request (k >= 2) cannot leave before (k - 1) * 50 ms.
      for (const [i, t] of at.slice(2).entries()) expect(t).toBeGreaterThanOrEqual((i + 1) * 50 - 1);
    } finally {
      backend.destroy();
    }
  });

  it('shares the 20/s sso-admin budget across operations (real rate, no scaling)', async () => {
    const { clients, location, regions } = await createAwsClients(motoOptions(moto));
    const log = injectFaults(clients.ssoAdmin, () => undefined);
    const backend = createAwsBackendFromClients(clients, { location, regions });
    try {
      const [instance] = await backend.ssoAdmin.listInstances();
      const started = Date.now();
      const calls = Array.from({ length: 29 }, (_, i) =>
        i % 2 === 0
          ? backend.ssoAdmin.listPermissionSets(instance!.instanceArn)
          : backend.ssoAdmin.listAccountAssignmentsForPrincipal(instance!.instanceArn, 'GROUP', 'g-1'),
      );
      await Promise.all(calls);
      const at = log.requests.slice(1).map((r) => r.at - started);
      expect(at).toHaveLength(29);
      // At most 20 tokens are in the shared bucket when the 29 calls of two different operations
      // start, so the last nine wait 50, 100, ... 450 ms.
      expect(at[28]!).toBeGreaterThanOrEqual(449);
    } finally {
      backend.destroy();
    }
  });
});
