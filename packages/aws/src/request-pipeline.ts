/**
 * Every SDK request goes through `Caller.call`: rate limit, count, send, classify the failure,
 * back off and retry within the bound, and map the final error to a ServiceError.
 */

import type { RateLimiter } from '@orgops/live';
import { OrgopsError } from '@orgops/model';
import type { StatsRecorder } from './call-stats.ts';
import { isNetworkFailure, isUncodedAnswer, retryAfterMs, retryKind, toServiceError } from './errors.ts';
import { backoffDelayMs, type RetryPolicy } from './retry.ts';
import type { Clock, Logger, ServiceName } from './service.ts';

export interface CallerDeps {
  readonly limiter: RateLimiter;
  readonly stats: StatsRecorder;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly random?: () => number;
  readonly logger?: Logger;
}

export class Caller {
  constructor(private readonly deps: CallerDeps) {}

  /** Run one AWS request (`send` must issue exactly one SDK call) under the shared policy. */
  async call<T>(service: ServiceName, operation: string, send: () => Promise<T>): Promise<T> {
    const { limiter, stats, retry, clock, logger } = this.deps;
    const key = `${service}:${operation}`;
    for (let attempt = 1; ; attempt++) {
      await limiter.take(service, operation);
      stats.attempt(key, attempt > 1);
      const started = clock.now();
      try {
        const result = await send();
        stats.elapsed(key, clock.now() - started);
        return result;
      } catch (err) {
        stats.elapsed(key, clock.now() - started);
        const kind = retryKind(service, err);
        if (kind === undefined || attempt >= retry.maxAttempts) {
          throw mapFinal(service, operation, err, attempt);
        }
        const delay = backoffDelayMs(retry, attempt, this.deps.random, retryAfterMs(err));
        const name = err instanceof Error ? err.name : 'error';
        logger?.debug?.(
          `${key}: ${name} (${kind}), attempt ${attempt}/${retry.maxAttempts}, retrying in ${delay} ms`,
        );
        await clock.sleep(delay);
      }
    }
  }
}

function mapFinal(service: ServiceName, operation: string, err: unknown, attempts: number): Error {
  if (service !== 'sts') return toServiceError(service, operation, err, attempts);
  const detail = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
  const endpoint = process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL;
  const advice = isNetworkFailure(err)
    ? endpoint
      ? `Nothing answered at ${endpoint} (AWS_ENDPOINT_URL): start the service there, fix the URL, or unset it to reach AWS.`
      : 'Check the network (and HTTPS_PROXY, if you need one).'
    : isUncodedAnswer(err)
      ? `The endpoint${endpoint ? ` ${endpoint}` : ''} answered, but not as AWS STS does: check AWS_ENDPOINT_URL.`
      : 'Check the credentials (aws sso login --profile <p>) and the region.';
  return new OrgopsError(
    'aws-caller-identity-failed',
    `sts:${operation} failed, so orgops cannot tell which account its credentials belong to (${detail}). ${advice}`,
    'user',
    { cause: err },
  );
}
