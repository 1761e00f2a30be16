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
 * A backend whose every request waits for a token from AWS's rate limiter (the table the AWS
 * backend paces itself by, `@orgops/live` rates.ts) and then for the round trip, on `clock`. A
 * list call that the inner backend counts as several pages pays for each page in turn, as the
 * SDK's pagination would. Results and errors are the inner backend's.
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
        const operation = prop.charAt(0).toUpperCase() + prop.slice(1);
        const key = `${service}:${operation}`;
        return async (...args: unknown[]) => {
          await pay(service, operation);
          const before = inner.stats().calls[key] ?? 0;
          // The sandbox does its work (and counts its pages) synchronously inside the call.
          const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          result.catch(() => {}); // awaited below, after the other pages are paid for
          const pages = (inner.stats().calls[key] ?? 0) - before;
          for (let page = 1; page < pages; page++) await pay(service, operation);
          return result;
        };
      },
    });
  return {
    ...inner,
    organizations: pace(inner.organizations, 'organizations'),
    ssoAdmin: pace(inner.ssoAdmin, 'sso-admin'),
    identityStore: pace(inner.identityStore, 'identitystore'),
    stats: () => inner.stats(),
  };
}
