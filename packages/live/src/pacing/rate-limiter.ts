/**
 * Client-side rate limiting: one token bucket per AWS throttling bucket (see rates.ts), so a
 * large read paces itself under AWS's limits instead of being throttled and retried.
 */

import { type Clock, systemClock } from './clock.ts';
import { bucketFor, type Rate, type ServiceName } from './rates.ts';

/**
 * A token bucket that hands out tokens in arrival order. A caller that finds the bucket empty
 * reserves the next token (the balance goes negative) and sleeps until it is due, so concurrent
 * callers are spaced `1 / perSecond` apart without polling.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: Rate,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1)) {
      throw new RangeError(`token bucket needs perSecond > 0 and burst >= 1, got ${JSON.stringify(rate)}`);
    }
    this.tokens = rate.burst;
    this.last = clock.now();
  }

  /** Resolves when the caller may send one request. */
  async take(): Promise<void> {
    const now = this.clock.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.last) / 1000) * this.rate.perSecond);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = (-this.tokens / this.rate.perSecond) * 1000;
    await this.clock.sleep(waitMs);
  }
}

/** Buckets keyed by throttling scope, created on first use. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  /**
   * @param rateScale multiplies every rate; tests use a large value so paced calls stay fast.
   *   Bursts are unchanged.
   */
  constructor(
    private readonly rateScale = 1,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(rateScale > 0)) throw new RangeError(`rateScale must be > 0, got ${rateScale}`);
  }

  take(service: ServiceName, operation: string): Promise<void> {
    const { key, rate } = bucketFor(service, operation);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ perSecond: rate.perSecond * this.rateScale, burst: rate.burst }, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
