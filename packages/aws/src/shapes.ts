/** Small conversions between SDK shapes and the ports' shapes, shared by the three services. */

import type { Tags } from '@orgops/model';

/** A member the API documents as always present; its absence means a broken endpoint. */
export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`AWS response is missing ${what}`);
  return value;
}

/** `undefined` for no tags: some APIs reject an empty Tags list. */
export function toAwsTags(tags: Tags): { Key: string; Value: string }[] | undefined {
  const entries = Object.entries(tags);
  return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({ Key, Value }));
}

export function fromAwsTags(tags: readonly { Key?: string | undefined; Value?: string | undefined }[]): Tags {
  const out: Record<string, string> = {};
  for (const tag of tags) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

/**
 * Permission set session durations as ISO-8601 (`PT1H`, `PT1H30M`). AWS returns strings; moto
 * returns the number of seconds (3600), which would otherwise show up as permanent drift.
 */
export function normalizeSessionDuration(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(
      `permission set SessionDuration ${JSON.stringify(value)} is neither ISO-8601 nor seconds`,
    );
  }
  const hours = Math.floor(value / 3600);
  const minutes = Math.floor((value % 3600) / 60);
  const seconds = Math.round(value % 60);
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
}
