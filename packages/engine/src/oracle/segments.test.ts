import { describe, expect, it } from 'vitest';
import { isWithinSegments, pathText, segmentsOfText, showSegments } from './segments.ts';

describe('oracle: segment paths', () => {
  it.each([
    [[], '/'],
    [['Workloads', 'Prod'], '/Workloads/Prod'],
    [['Prod/EU'], '/Prod\\/EU'],
    [['a\\b', 'c'], '/a\\\\b/c'],
  ])('%j <-> %s', (segments, text) => {
    expect(segments.length === 0 ? '/' : pathText(segments)).toBe(text);
    expect(segmentsOfText(text)).toEqual(segments);
  });

  it('never confuses a name holding "/" with two levels', () => {
    expect(isWithinSegments(['Prod', 'EU'], ['Prod'])).toBe(true);
    expect(isWithinSegments(['Prod/EU'], ['Prod'])).toBe(false);
    expect(showSegments(['Prod/EU'])).not.toBe(showSegments(['Prod', 'EU']));
    expect(showSegments([])).toBe('/ (root)');
  });
});
