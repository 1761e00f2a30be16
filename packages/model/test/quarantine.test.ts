import { describe, expect, it } from 'vitest';
import {
  doorParentPath,
  doorTags,
  QUARANTINE_TAGS,
  quarantineDoor,
  quarantineRecordOf,
  quarantineTagsOf,
  sanitizeTagValue,
} from '../src/index.ts';

const AT = '2026-11-30T10:15:00.000Z';
const held = {
  [QUARANTINE_TAGS.reason]: 'INC-42 root login',
  [QUARANTINE_TAGS.at]: AT,
  [QUARANTINE_TAGS.by]: 'arn:aws:sts::111122223333:assumed-role/orgops-apply/ci',
  team: 'payments',
};

describe('sanitizeTagValue', () => {
  it('keeps what AWS accepts in a tag value and says nothing changed', () => {
    expect(sanitizeTagValue('INC-42: root login from 203.0.113.7 @ 10:15 UTC')).toEqual({
      value: 'INC-42: root login from 203.0.113.7 @ 10:15 UTC',
      changed: false,
    });
    expect(sanitizeTagValue('Zugriff über ÄÖÜ')).toEqual({ value: 'Zugriff über ÄÖÜ', changed: false });
  });

  it('turns every run of other characters into one space, trims, and says so', () => {
    expect(sanitizeTagValue('Root login (INC-42), see #99; "urgent"!')).toEqual({
      value: 'Root login INC-42 see 99 urgent',
      changed: true,
    });
    expect(sanitizeTagValue('line one\nline two\t\u001b[31m')).toEqual({
      value: 'line one line two 31m',
      changed: true,
    });
  });

  it('cuts at 256 characters, counting characters rather than UTF-16 units', () => {
    const long = sanitizeTagValue('a'.repeat(300));
    expect(long.value).toHaveLength(256);
    expect(long.changed).toBe(true);
    const emoji = sanitizeTagValue('é'.repeat(256));
    expect(Array.from(emoji.value)).toHaveLength(256);
    expect(emoji.changed).toBe(false);
  });

  it('produces only values the AWS tag pattern accepts', () => {
    for (const text of ['a,b', '<script>', 'x\u202Ey', '', '   ', 'ok']) {
      expect(sanitizeTagValue(text).value).toMatch(/^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u);
    }
  });
});

describe('quarantine tags', () => {
  it('writes the record, sanitized, and reads it back', () => {
    const tags = quarantineTagsOf({ reason: 'INC-42 (root)', at: AT, by: 'arn:x', from: 'ou-ab12-cdef5678' });
    expect(tags).toEqual({
      'orgops:quarantine-reason': 'INC-42 root',
      'orgops:quarantined-at': AT,
      'orgops:quarantined-by': 'arn:x',
      'orgops:quarantined-from': 'ou-ab12-cdef5678',
    });
    expect(quarantineRecordOf({ ...tags, team: 'x' })).toEqual({
      reason: 'INC-42 root',
      at: AT,
      by: 'arn:x',
      from: 'ou-ab12-cdef5678',
    });
    expect(quarantineRecordOf({ team: 'x' })).toEqual({});
  });
});

describe('the one-way door', () => {
  const door = (
    inQuarantineOu: boolean,
    extra: Partial<Parameters<typeof quarantineDoor>[0]> = {},
  ): ReturnType<typeof quarantineDoor> =>
    quarantineDoor({ inQuarantineOu, declaredInQuarantineOu: false, liveTags: held, ...extra });

  it('holds an account found in the quarantine OU, whatever its declared parent', () => {
    expect(door(true)).toEqual({
      kind: 'held',
      record: quarantineRecordOf(held),
      problem: 'not-recorded',
    });
    expect(door(true, { quarantine: { reason: 'INC-42 root login', at: AT } })).toEqual({
      kind: 'held',
      record: quarantineRecordOf(held),
    });
  });

  it('opens only for a release of that very quarantine', () => {
    expect(door(true, { release: { reason: 'closed', quarantinedAt: AT } }).kind).toBe('release');
    expect(door(true, { release: { reason: 'closed' } })).toMatchObject({
      kind: 'held',
      problem: 'release-mismatch',
    });
    expect(
      door(true, { release: { reason: 'closed', quarantinedAt: '2026-01-01T00:00:00Z' } }),
    ).toMatchObject({ kind: 'held', problem: 'release-mismatch' });
    // No time recorded (moved in by hand): a release that names none opens it.
    expect(door(true, { liveTags: {}, release: { reason: 'closed' } }).kind).toBe('release');
  });

  it('notices an entry that records another quarantine than the tags', () => {
    expect(door(true, { quarantine: { reason: 'old', at: '2026-01-01T00:00:00Z' } })).toMatchObject({
      kind: 'held',
      problem: 'entry-outdated',
    });
  });

  it('lets config park an untagged account in the quarantine OU, but holds a tagged one', () => {
    expect(door(true, { declaredInQuarantineOu: true, liveTags: {} })).toEqual({ kind: 'placed' });
    expect(door(true, { declaredInQuarantineOu: true })).toEqual({
      kind: 'held',
      record: quarantineRecordOf(held),
    });
  });

  it('moves an account config quarantines into the OU, and ignores a release elsewhere', () => {
    expect(door(false, { quarantine: { reason: 'INC-42' } })).toEqual({
      kind: 'enter',
      entry: { reason: 'INC-42' },
    });
    expect(door(false)).toEqual({ kind: 'free' });
    expect(door(false, { release: { reason: 'done' } })).toEqual({ kind: 'free' });
  });

  it('places and tags accordingly: quarantine tags are kept while held and dropped on release', () => {
    const config = { team: 'payments' };
    const h = door(true);
    expect(doorParentPath(h, '/Workloads/Prod', '/Suspended')).toBe('/Suspended');
    expect(doorTags(h, config, held)).toEqual(held);
    const r = door(true, { release: { reason: 'closed', quarantinedAt: AT } });
    expect(doorParentPath(r, '/Workloads/Prod', '/Suspended')).toBe('/Workloads/Prod');
    expect(doorTags(r, config, held)).toEqual(config);
    const e = door(false, { liveTags: config, quarantine: { reason: 'INC-42', at: AT } });
    expect(doorParentPath(e, '/Workloads/Prod', '/Suspended')).toBe('/Suspended');
    expect(doorTags(e, config, config, 'ou-ab12-cdef5678')).toEqual({
      team: 'payments',
      'orgops:quarantine-reason': 'INC-42',
      'orgops:quarantined-at': AT,
      'orgops:quarantined-from': 'ou-ab12-cdef5678',
    });
  });
});
