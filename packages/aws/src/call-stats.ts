import type { CallStats } from '@orgops/live';

/**
 * Call statistics of the AWS backend. `calls` counts logical requests (each page once), exactly
 * like the sandbox, so call-count pins are deterministic; attempts after the first are counted in
 * `retries`. AWS's throttling sees `calls + retries`.
 */
export interface AwsCallStats extends CallStats {
  /** `service:Operation` -> attempts after the first. */
  readonly retries: Readonly<Record<string, number>>;
  readonly totalRetries: number;
  /** `service:Operation` -> milliseconds spent in the SDK (all attempts, excluding rate-limit waits). */
  readonly timeMs: Readonly<Record<string, number>>;
}

export class StatsRecorder {
  private readonly calls = new Map<string, number>();
  private readonly retries = new Map<string, number>();
  private readonly timeMs = new Map<string, number>();

  attempt(key: string, isRetry: boolean): void {
    const map = isRetry ? this.retries : this.calls;
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  elapsed(key: string, ms: number): void {
    this.timeMs.set(key, (this.timeMs.get(key) ?? 0) + ms);
  }

  snapshot(): AwsCallStats {
    const sorted = (map: Map<string, number>) =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    return {
      calls: sorted(this.calls),
      total: sum(this.calls),
      retries: sorted(this.retries),
      totalRetries: sum(this.retries),
      timeMs: sorted(this.timeMs),
    };
  }
}
