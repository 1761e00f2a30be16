import { bucketFor, type ServiceName } from '@orgops/live';

/** One AWS throttling bucket's share of a read. */
export interface BucketLoad {
  readonly bucket: string;
  readonly calls: number;
  readonly perSecond: number;
  readonly burst: number;
  /** The least time the bucket allows for its calls: the burst at once, the rest at the rate. */
  readonly seconds: number;
}

/** Calls (keyed `service:Operation`) per throttling bucket, slowest first. */
export function bucketLoads(calls: Readonly<Record<string, number>>): BucketLoad[] {
  const buckets = new Map<string, { calls: number; perSecond: number; burst: number }>();
  for (const [key, n] of Object.entries(calls)) {
    const [service, operation] = key.split(':') as [ServiceName, string];
    const { key: bucket, rate } = bucketFor(service, operation);
    const entry = buckets.get(bucket) ?? { calls: 0, perSecond: rate.perSecond, burst: rate.burst };
    entry.calls += n;
    buckets.set(bucket, entry);
  }
  return [...buckets.entries()]
    .map(([bucket, b]) => ({ bucket, ...b, seconds: Math.max(0, b.calls - b.burst) / b.perSecond }))
    .sort((a, b) => b.seconds - a.seconds || a.bucket.localeCompare(b.bucket));
}

/**
 * The floor AWS's rate limits put under a set of calls: buckets run in parallel, so it is the
 * slowest bucket's time. No scheduling can read faster.
 */
export function floorSeconds(calls: Readonly<Record<string, number>>): number {
  return bucketLoads(calls)[0]?.seconds ?? 0;
}
