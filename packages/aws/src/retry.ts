/**
 * The retry policy: full-jitter exponential backoff ("Exponential Backoff And Jitter", AWS
 * Architecture Blog) with a bounded number of attempts. The SDK clients are built with
 * `maxAttempts: 1` so this is the only retry layer: retries never multiply, and each attempt
 * passes through the rate limiter and is counted.
 */

export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  readonly maxAttempts: number;
  /** Upper bound of the first delay. */
  readonly baseDelayMs: number;
  /** No delay is longer than this. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 20_000 };

/**
 * Delay before attempt `attempt + 1`, after `attempt` failures: uniform in
 * [0, min(maxDelay, base * 2^(attempt-1))). A service-given wait (RetryAfterSeconds) is a floor.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
  floorMs = 0,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(floorMs, Math.floor(random() * ceiling));
}

export function validateRetryPolicy(policy: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer >= 1, got ${policy.maxAttempts}`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
    throw new RangeError(
      `retry delays must satisfy 0 <= baseDelayMs <= maxDelayMs, got ${JSON.stringify(policy)}`,
    );
  }
  return policy;
}
