import { type CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailPort, TrailEvent } from '@orgops/live';
import { collectPages } from './pagination.ts';
import type { Caller } from './request-pipeline.ts';

/**
 * CloudTrail publishes log files about every 5 minutes and delivers an event "within an average of
 * about 5 minutes of an API call; this time is not guaranteed" (CloudTrail User Guide). A drift
 * check counts on events older than this.
 */
export const CLOUDTRAIL_DELIVERY_DELAY_MS = 15 * 60 * 1000;

/** Event history keeps management events for 90 days (LookupEvents API reference). */
export const CLOUDTRAIL_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** One Region's event history: its client, and a caller with that Region's own rate limit. */
export interface RegionalTrail {
  readonly region: string;
  readonly client: CloudTrailClient;
  /** LookupEvents is limited per account *and Region*: each Region gets its own limiter. */
  readonly caller: Caller;
}

/**
 * CloudTrailPort over LookupEvents in every Region given (Organizations' home Region and Identity
 * Center's; one when they are the same), filtered to writes (ReadOnly=false, the only filter the
 * call takes besides time). The record's JSON gives the request parameters and error code.
 */
export function createCloudTrailPort(trails: readonly RegionalTrail[], pageSize: number): CloudTrailPort {
  return {
    deliveryDelayMs: CLOUDTRAIL_DELIVERY_DELAY_MS,
    retentionMs: CLOUDTRAIL_RETENTION_MS,
    async lookupWriteEvents(start: Date, end: Date) {
      const perRegion = await Promise.all(
        trails.map((t) =>
          collectPages(`cloudtrail:LookupEvents (${t.region})`, async (NextToken) => {
            const out = await t.caller.call('cloudtrail', 'LookupEvents', () =>
              t.client.send(
                new LookupEventsCommand({
                  LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }],
                  StartTime: start,
                  EndTime: end,
                  MaxResults: pageSize,
                  ...(NextToken ? { NextToken } : {}),
                }),
              ),
            );
            return { items: (out.Events ?? []).map(toTrailEvent), nextToken: out.NextToken };
          }),
        ),
      );
      return perRegion.flat();
    },
  };
}

interface LookedUp {
  readonly EventId?: string | undefined;
  readonly EventName?: string | undefined;
  readonly EventSource?: string | undefined;
  readonly EventTime?: Date | undefined;
  readonly CloudTrailEvent?: string | undefined;
}

/**
 * The fields drift reads. A record whose JSON cannot be read keeps `request: null`, which drift
 * treats as an event it cannot scope (a full read), never as one that changed nothing.
 */
export function toTrailEvent(e: LookedUp): TrailEvent {
  let record: { requestParameters?: unknown; errorCode?: unknown } = {};
  try {
    record = JSON.parse(e.CloudTrailEvent ?? '{}') as typeof record;
  } catch {
    record = {};
  }
  const params = record.requestParameters;
  return {
    id: e.EventId ?? '',
    time: e.EventTime ? e.EventTime.toISOString() : '',
    source: e.EventSource ?? '',
    name: e.EventName ?? '',
    request:
      typeof params === 'object' && params !== null && !Array.isArray(params)
        ? (params as Record<string, unknown>)
        : null,
    ...(typeof record.errorCode === 'string' ? { errorCode: record.errorCode } : {}),
  };
}
