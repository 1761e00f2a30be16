import { type Backend, type Clock, RateLimiter, type ServiceName } from '@orgops/live';

/** What one modeled request costs besides its place in the rate limiter's queue. */
export interface PacingOptions {
  readonly clock: Clock;
  /**
   * Round trip of one request, in modeled milliseconds. AWS documents no latency; 100 ms is a
   * typical figure for these APIs from a runner in the same partition.
   */
  readonly latencyMs: number;
}

/**
 * Port methods whose AWS operation is not their own name: the API they call first, which is what
 * the sandbox counts them as.
 */
const OPERATION_OF: Readonly<Record<string, string>> = {
  lookupWriteEvents: 'LookupEvents',
  getAccountQuota: 'GetServiceQuota',
};

/**
 * A backend whose every request waits for a token from AWS's rate limiter (the table the AWS
 * backend paces itself by, `@orgops/live` rates.ts) and then for the round trip, on `clock`. A
 * port method that the inner backend counts as several calls (the pages of a list, or a second
 * API) pays for each in turn, in its own throttling bucket, as the AWS backend would. Every port
 * is paced: Organizations, Identity Center, the identity store, CloudTrail and Service Quotas.
 * Results and errors are the inner backend's.
 */
export function pacedBackend<B extends Backend>(inner: B, options: PacingOptions): B {
  const limiter = new RateLimiter(1, options.clock);
  const pay = async (service: ServiceName, operation: string) => {
    await limiter.take(service, operation);
    await options.clock.sleep(options.latencyMs);
  };
  const pace = <T extends object>(port: T, service: ServiceName): T =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const operation = OPERATION_OF[prop] ?? prop.charAt(0).toUpperCase() + prop.slice(1);
        return async (...args: unknown[]) => {
          await pay(service, operation);
          const before = inner.stats().calls;
          // The sandbox does its work (and counts its calls) synchronously inside the call.
          const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          result.catch(() => {}); // awaited below, after the other calls are paid for
          for (const extra of callsBeyondTheFirst(service, operation, before, inner.stats().calls))
            await pay(service, extra);
          return result;
        };
      },
    });
  const { cloudTrail, quotas } = inner;
  return {
    ...inner,
    organizations: pace(inner.organizations, 'organizations'),
    ssoAdmin: pace(inner.ssoAdmin, 'sso-admin'),
    identityStore: pace(inner.identityStore, 'identitystore'),
    ...(cloudTrail ? { cloudTrail: pace(cloudTrail, 'cloudtrail') } : {}),
    ...(quotas ? { quotas: pace(quotas, 'service-quotas') } : {}),
    stats: () => inner.stats(),
  };
}

/** The operations of the calls one port method made after its first (already paid for). */
function callsBeyondTheFirst(
  service: ServiceName,
  first: string,
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): string[] {
  const extra: string[] = [];
  let firstSeen = false;
  for (const [key, n] of Object.entries(after)) {
    const [keyService, operation] = key.split(':') as [string, string];
    if (keyService !== service) continue;
    let made = n - (before[key] ?? 0);
    if (made > 0 && operation === first && !firstSeen) {
      firstSeen = true;
      made -= 1;
    }
    for (let k = 0; k < made; k++) extra.push(operation);
  }
  // A method that made no call of its own name (its first call had another) paid for one already.
  if (!firstSeen && extra.length > 0) extra.pop();
  return extra;
}
