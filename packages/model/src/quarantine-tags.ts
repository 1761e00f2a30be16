import { LIMITS } from './limits.ts';
import type { QuarantineEntry } from './quarantine.ts';
import type { Tags } from './tags.ts';

/**
 * The tags a quarantined account carries: the record of who, when and why, kept on the account
 * itself so every reader (the planner, the drift job, a person in the console) sees it. A plan
 * never changes them while the account is held.
 */
export const QUARANTINE_TAGS = {
  reason: 'orgops:quarantine-reason',
  at: 'orgops:quarantined-at',
  by: 'orgops:quarantined-by',
  /** The parent id the account was moved out of. */
  from: 'orgops:quarantined-from',
} as const;

/** Keys under this prefix belong to the quarantine; config may not set them. */
export const QUARANTINE_TAG_PREFIX = 'orgops:quarantine';

export function isQuarantineTag(key: string): boolean {
  return key.startsWith(QUARANTINE_TAG_PREFIX);
}

/** What an account's tags say about its quarantine; every field absent when it carries none. */
export interface QuarantineRecord {
  readonly reason?: string;
  readonly at?: string;
  readonly by?: string;
  readonly from?: string;
}

export function quarantineRecordOf(tags: Tags): QuarantineRecord {
  const pick = (key: string): string | undefined => (Object.hasOwn(tags, key) ? tags[key] : undefined);
  const record = {
    reason: pick(QUARANTINE_TAGS.reason),
    at: pick(QUARANTINE_TAGS.at),
    by: pick(QUARANTINE_TAGS.by),
    from: pick(QUARANTINE_TAGS.from),
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** Only the quarantine tags of a tag set. */
export function quarantineTagsIn(tags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => isQuarantineTag(k)));
}

/** The quarantine tags for an entry (and the parent it leaves, when known), values sanitized. */
export function quarantineTagsOf(entry: QuarantineEntry & { readonly from?: string }): Tags {
  const tags: Record<string, string> = { [QUARANTINE_TAGS.reason]: sanitizeTagValue(entry.reason).value };
  if (entry.at !== undefined) tags[QUARANTINE_TAGS.at] = sanitizeTagValue(entry.at).value;
  if (entry.by !== undefined) tags[QUARANTINE_TAGS.by] = sanitizeTagValue(entry.by).value;
  if (entry.from !== undefined) tags[QUARANTINE_TAGS.from] = sanitizeTagValue(entry.from).value;
  return tags;
}

const DISALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]+/gu;

/**
 * Text made fit for an AWS tag value (aws-facts.md §1.3: letters, digits, spaces and `_.:/=+-@`,
 * at most 256 characters): every run of other characters becomes one space, spaces are collapsed
 * and trimmed, and the text is cut at the limit. `changed` says whether anything was lost, so
 * the caller can say so.
 */
export function sanitizeTagValue(text: string): { readonly value: string; readonly changed: boolean } {
  const max = LIMITS.organizations.maxTagValueLength;
  const cleaned = text
    .replace(DISALLOWED, ' ')
    .replace(/\p{Z}+/gu, ' ')
    .trim();
  const chars = Array.from(cleaned);
  const value = chars.length > max ? chars.slice(0, max).join('').trimEnd() : cleaned;
  return { value, changed: value !== text };
}
