import { describe, expect, it } from 'vitest';
import { CallScheduler } from '../src/pacing/call-scheduler.ts';
import { RateLimiter } from '../src/pacing/rate-limiter.ts';
import { VirtualClock } from '../src/pacing/virtual-clock.ts';

describe('VirtualClock', () => {
  it('advances to each timer only once nothing else can run, in time then arrival order', async () => {
    const clock = new VirtualClock(1000);
    const seen: string[] = [];
    const result = await clock.run(async () => {
      await Promise.all([
        clock.sleep(500).then(() => seen.push(`a@${clock.now()}`)),
        clock.sleep(100).then(() => seen.push(`b@${clock.now()}`)),
        clock.sleep(500).then(() => seen.push(`c@${clock.now()}`)),
        Promise.resolve().then(() => seen.push(`now@${clock.now()}`)),
      ]);
      return clock.now();
    });
    expect(seen).toEqual(['now@1000', 'b@1100', 'a@1500', 'c@1500']);
    expect(result).toBe(1500);
  });

  it('fails, instead of hanging, when the task waits on real time', async () => {
    const clock = new VirtualClock();
    await expect(clock.run(() => new Promise((resolve) => setTimeout(resolve, 50)))).rejects.toThrow(
      /waiting on something other than this clock/,
    );
  });

  it('passes a task failure through', async () => {
    const clock = new VirtualClock();
    await expect(
      clock.run(async () => {
        await clock.sleep(10);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });

  it('paces a rate limiter in modeled time: 20 DescribePolicy calls take (20 - 2) / 2 s', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(1, clock);
    await clock.run(() =>
      Promise.all(Array.from({ length: 20 }, () => limiter.take('organizations', 'DescribePolicy'))),
    );
    expect(clock.now()).toBe(9000);
  });
});

describe('CallScheduler', () => {
  it('keeps each API at its own rate while another waits: a slow queue holds up no other', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(1, clock);
    const calls = new CallScheduler();
    const call = (operation: string) =>
      calls.run('organizations', operation, async () => {
        await limiter.take('organizations', operation);
        await clock.sleep(100);
        return clock.now();
      });
    const done = await clock.run(async () => {
      // 40 DescribePolicy calls (2/s) queued first, then 40 ListTagsForResource (10/s).
      const describe = Array.from({ length: 40 }, () => call('DescribePolicy'));
      const tags = Array.from({ length: 40 }, () => call('ListTagsForResource'));
      return {
        describe: Math.max(...(await Promise.all(describe))),
        tags: Math.max(...(await Promise.all(tags))),
      };
    });
    // Each finishes as its own rate allows: (40 - burst) / rate + one round trip.
    expect(done.tags).toBe(2600);
    expect(done.describe).toBe(19_100);
  });

  it('bounds calls in flight per API, and in total when asked', async () => {
    const clock = new VirtualClock();
    let inFlight = 0;
    let peak = 0;
    const calls = new CallScheduler({ total: 3 });
    const call = (operation: string) =>
      calls.run('organizations', operation, async () => {
        peak = Math.max(peak, ++inFlight);
        await clock.sleep(10);
        inFlight--;
      });
    await clock.run(() =>
      Promise.all([...Array(10)].flatMap(() => [call('ListRoots'), call('ListPolicies')])),
    );
    expect(peak).toBe(3);
  });
});
