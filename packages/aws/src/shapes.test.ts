import { describe, expect, it } from 'vitest';
import { organizationsRegionFor } from './regions.ts';
import { fromAwsTags, normalizeSessionDuration, toAwsTags } from './shapes.ts';

describe('normalizeSessionDuration', () => {
  it('turns seconds (moto) into ISO-8601 and keeps strings (AWS)', () => {
    expect(normalizeSessionDuration(3600)).toBe('PT1H');
    expect(normalizeSessionDuration(5400)).toBe('PT1H30M');
    expect(normalizeSessionDuration(43_200)).toBe('PT12H');
    expect(normalizeSessionDuration(90)).toBe('PT1M30S');
    expect(normalizeSessionDuration('PT4H')).toBe('PT4H');
    expect(normalizeSessionDuration(undefined)).toBeUndefined();
    expect(() => normalizeSessionDuration(-1)).toThrow(/neither ISO-8601 nor seconds/);
  });
});

describe('tags', () => {
  it('round-trips and sends nothing for no tags', () => {
    expect(toAwsTags({})).toBeUndefined();
    expect(toAwsTags({ a: '1', b: '' })).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' },
    ]);
    expect(fromAwsTags([{ Key: 'a', Value: '1' }, { Key: 'b' }])).toEqual({ a: '1', b: '' });
  });
});

describe('organizationsRegionFor', () => {
  it("uses the partition's home region", () => {
    expect(organizationsRegionFor('eu-west-1')).toBe('us-east-1');
    expect(organizationsRegionFor('us-gov-east-1')).toBe('us-gov-west-1');
    expect(organizationsRegionFor('cn-north-1')).toBe('cn-northwest-1');
    expect(() => organizationsRegionFor('us-iso-east-1')).toThrow(/isolated AWS partition/);
  });
});
