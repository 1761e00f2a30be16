import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, TokenBucket } from '../src/pacing/rate-limiter.ts';
import { bucketFor, CLOUDTRAIL_LOOKUP_RATE, ORGANIZATIONS_DEFAULT_RATE } from '../src/pacing/rates.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Start `n` takes at once and record the (fake) time each one is granted. */
async function grantTimes(take: () => Promise<void>, n: number, runMs: number): Promise<number[]> {
  const times: number[] = [];
  const all = Array.from({ length: n }, () => take().then(() => times.push(Date.now())));
  await vi.advanceTimersByTimeAsync(runMs);
  await Promise.all(all);
  return times;
}

describe('TokenBucket', () => {
  it('lets the burst through at once, then spaces calls 1/rate apart in arrival order', async () => {
    const bucket = new TokenBucket({ perSecond: 2, burst: 2 });
    expect(await grantTimes(() => bucket.take(), 6, 5_000)).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it('refills while idle, never above the burst', async () => {
    const bucket = new TokenBucket({ perSecond: 5, burst: 8 });
    await grantTimes(() => bucket.take(), 8, 0);
    await vi.advanceTimersByTimeAsync(10_000);
    const start = Date.now();
    const times = await grantTimes(() => bucket.take(), 10, 5_000);
    expect(times.map((t) => t - start)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 200, 400]);
  });

  it('rejects nonsensical rates', () => {
    expect(() => new TokenBucket({ perSecond: 0, burst: 1 })).toThrow(/perSecond > 0/);
    expect(() => new TokenBucket({ perSecond: 1, burst: 0 })).toThrow(/burst >= 1/);
  });
});

describe('RateLimiter', () => {
  it('paces DescribePolicy at its documented 2/s with burst 2', async () => {
    const limiter = new RateLimiter();
    const times = await grantTimes(() => limiter.take('organizations', 'DescribePolicy'), 5, 5_000);
    expect(times).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('gives each Organizations operation its own bucket', async () => {
    const limiter = new RateLimiter();
    await grantTimes(() => limiter.take('organizations', 'DescribePolicy'), 2, 0);
    // DescribePolicy's bucket is empty, ListTargetsForPolicy (5/s, burst 8) is untouched.
    expect(await grantTimes(() => limiter.take('organizations', 'ListTargetsForPolicy'), 9, 1_000)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 200,
    ]);
  });

  it('shares one 20/s bucket across every sso-admin operation', async () => {
    const limiter = new RateLimiter();
    const ops = [
      'ListPermissionSets',
      'DescribePermissionSet',
      'ListAccountAssignments',
      'CreateAccountAssignment',
    ];
    let i = 0;
    const times = await grantTimes(() => limiter.take('sso-admin', ops[i++ % ops.length]!), 24, 1_000);
    expect(times.filter((t) => t === 0)).toHaveLength(20);
    expect(times.slice(20)).toEqual([50, 100, 150, 200]);
  });

  it('gives each identitystore API its own 20/s bucket', async () => {
    const limiter = new RateLimiter();
    await grantTimes(() => limiter.take('identitystore', 'ListGroups'), 20, 0);
    expect(await grantTimes(() => limiter.take('identitystore', 'ListUsers'), 20, 0)).toHaveLength(20);
    expect(await grantTimes(() => limiter.take('identitystore', 'ListGroups'), 1, 100)).toEqual([
      Date.now() - 50,
    ]);
  });

  it('rateScale multiplies rates (tests only) and keeps bursts', async () => {
    const limiter = new RateLimiter(10);
    expect(await grantTimes(() => limiter.take('organizations', 'DescribePolicy'), 4, 1_000)).toEqual([
      0, 0, 50, 100,
    ]);
    expect(() => new RateLimiter(0)).toThrow(/rateScale/);
  });

  it('paces undocumented Organizations operations conservatively', () => {
    expect(bucketFor('organizations', 'ListDelegatedServicesForAccount').rate).toBe(
      ORGANIZATIONS_DEFAULT_RATE,
    );
    expect(bucketFor('organizations', 'ListAccounts').rate).toEqual({ perSecond: 8, burst: 12 });
    expect(bucketFor('sso-admin', 'ListInstances').key).toBe('sso-admin:*');
  });

  it('paces CloudTrail LookupEvents at its documented 2/s, with no burst beyond one', async () => {
    expect(bucketFor('cloudtrail', 'LookupEvents').rate).toBe(CLOUDTRAIL_LOOKUP_RATE);
    const limiter = new RateLimiter();
    expect(await grantTimes(() => limiter.take('cloudtrail', 'LookupEvents'), 4, 5_000)).toEqual([
      0, 500, 1000, 1500,
    ]);
  });
});
