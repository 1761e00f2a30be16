import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, validateRetryPolicy } from './retry.ts';

const policy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs (full jitter)', () => {
  it('doubles the window each attempt up to the cap', () => {
    const top = () => 0.9999;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(policy, a, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });

  it('draws uniformly from zero', () => {
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
    const samples = Array.from({ length: 500 }, () => backoffDelayMs(policy, 4));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(800);
    // Jitter: the samples are spread, not a fixed schedule.
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('never waits less than the service asked', () => {
    expect(backoffDelayMs(policy, 1, () => 0.1, 3_000)).toBe(3_000);
  });

  it('has a bounded default policy and rejects invalid ones', () => {
    expect(validateRetryPolicy(DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY);
    expect(() => validateRetryPolicy({ ...policy, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => validateRetryPolicy({ ...policy, maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => validateRetryPolicy({ ...policy, maxDelayMs: 10 })).toThrow(/baseDelayMs <= maxDelayMs/);
  });
});
