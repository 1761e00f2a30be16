import { describe, expect, it } from 'vitest';
import { prettyLines, unifiedDiff } from './line-diff.ts';

describe('unifiedDiff', () => {
  it('keeps two lines of context and elides longer unchanged runs', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i'];
    expect(unifiedDiff(before, after).map((l) => `${l.mark}${l.text}`)).toEqual([
      ' ...',
      ' c',
      ' d',
      '-e',
      '+E',
      ' f',
      ' g',
      ' ...',
    ]);
  });

  it('shows additions at the end and no elision marks when everything is near a change', () => {
    expect(unifiedDiff(['a'], ['a', 'b']).map((l) => `${l.mark}${l.text}`)).toEqual([' a', '+b']);
  });

  it('returns nothing for equal inputs', () => {
    expect(unifiedDiff(['x', 'y'], ['x', 'y'])).toEqual([]);
  });
});

describe('prettyLines', () => {
  it('pretty-prints JSON and passes other text through by line', () => {
    expect(prettyLines('{"a":[1]}')).toEqual(['{', '  "a": [', '    1', '  ]', '}']);
    expect(prettyLines('not json\nsecond')).toEqual(['not json', 'second']);
    expect(prettyLines(undefined)).toEqual([]);
  });
});
