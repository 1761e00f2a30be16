import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isOuPathWithin,
  joinOuPath,
  ouPathDepth,
  ouPathLineage,
  ouPathNames,
  ouPathOf,
  parentOuPath,
} from '../src/ou-path.ts';

const name = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'B', '/', '\\', ' ', '*') });

describe('OU paths', () => {
  it('keep a top-level "Prod/EU" apart from EU under Prod', () => {
    expect(ouPathOf(['Prod/EU'])).toBe('/Prod\\/EU');
    expect(ouPathOf(['Prod', 'EU'])).toBe('/Prod/EU');
    expect(isOuPathWithin(ouPathOf(['Prod/EU']), '/Prod')).toBe(false);
    expect(isOuPathWithin(ouPathOf(['Prod', 'EU']), '/Prod')).toBe(true);
  });

  it('are injective and round-trip for any names', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), fc.array(name, { maxLength: 5 }), (a, b) => {
        expect(ouPathNames(ouPathOf(a))).toEqual(a);
        if (ouPathOf(a) === ouPathOf(b)) expect(a).toEqual(b);
        expect(ouPathDepth(ouPathOf(a))).toBe(a.length);
      }),
    );
  });

  it('say "within" exactly when one list of names is a prefix of the other', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), fc.array(name, { maxLength: 4 }), (a, b) => {
        const prefix = b.length <= a.length && b.every((n, i) => a[i] === n);
        expect(isOuPathWithin(ouPathOf(a), ouPathOf(b))).toBe(prefix);
      }),
    );
  });

  it('name parents and lineage segment by segment', () => {
    const path = joinOuPath(joinOuPath('/', 'A/B'), 'C\\');
    expect(path).toBe('/A\\/B/C\\\\');
    expect(parentOuPath(path)).toBe('/A\\/B');
    expect(parentOuPath('/A')).toBe('/');
    expect(ouPathLineage(path)).toEqual(['/A\\/B', path]);
  });
});
