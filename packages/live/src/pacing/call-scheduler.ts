import { Limiter } from '../concurrency.ts';
import { bucketFor, type ServiceName } from './rates.ts';

/** Options of {@link CallScheduler}. */
export interface CallSchedulerOptions {
  /**
   * Calls in flight at once per AWS throttling bucket. Default: the bucket's burst (at least its
   * per-second rate), enough to keep it at its rate with up to a second of latency per call.
   */
  readonly perBucket?: number;
  /** Calls in flight at once over every bucket (default: no bound beyond the per-bucket ones). */
  readonly total?: number;
}

/**
 * Runs port calls with one queue per AWS throttling bucket (rates.ts), so each API is kept busy at
 * its own rate while the others run: the slow ListTagsForResource queue never holds up sso-admin
 * or the tree walk, as a single shared pool of slots would (a call waiting for its bucket's next
 * token keeps its slot). The backend's rate limiter does the pacing; this bounds concurrency.
 *
 * @example
 * const calls = new CallScheduler();
 * const tags = await calls.run('organizations', 'ListTagsForResource', () => org.listTagsForResource(id));
 */
export class CallScheduler {
  private readonly buckets = new Map<string, Limiter>();
  private readonly total: Limiter | undefined;

  constructor(private readonly options: CallSchedulerOptions = {}) {
    this.total = options.total === undefined ? undefined : new Limiter(options.total);
  }

  run<T>(service: ServiceName, operation: string, task: () => Promise<T>): Promise<T> {
    const { key, rate } = bucketFor(service, operation);
    let limiter = this.buckets.get(key);
    if (!limiter) {
      limiter = new Limiter(this.options.perBucket ?? Math.max(rate.burst, Math.ceil(rate.perSecond)));
      this.buckets.set(key, limiter);
    }
    const total = this.total;
    return limiter.run(total ? () => total.run(task) : task);
  }
}
