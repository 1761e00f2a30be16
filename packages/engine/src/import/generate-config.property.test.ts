import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../snapshot.ts';
import { generateConfig } from './generate-config.ts';
import { shape, toSnapshot } from './random-snapshot.test-support.ts';
import {
  biomeFindings,
  changesOf,
  evaluate,
  removeScratch,
  SCRATCH_DIR,
  typeErrors,
  writeGenerated,
} from './round-trip.test-support.ts';

afterAll(removeScratch);

/** One fixed sample of organizations for the round trip and for the typecheck of its files. */
const SAMPLE = { numRuns: 100, seed: 20261123 } as const;

describe('generateConfig round trip over random organizations', () => {
  it('plans no changes against the organization it was generated from', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const snapshot = toSnapshot(s);
        const dir = writeGenerated(generateConfig(snapshot, { now: new Date(0) }).files);
        expect(changesOf(await evaluate(dir), snapshot)).toEqual([]);
      }),
      SAMPLE,
    );
  });

  it('does not depend on the order AWS listed things in', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const snapshot = toSnapshot(s);
        const ic = snapshot.identityCenter!;
        const reversed: Snapshot = {
          ...snapshot,
          ous: [...snapshot.ous].reverse(),
          accounts: [...snapshot.accounts].reverse(),
          policies: snapshot.policies.map((p) => ({ ...p, targets: [...p.targets].reverse() })).reverse(),
          trustedServices: [...snapshot.trustedServices].reverse(),
          identityCenter: {
            ...ic,
            permissionSets: [...ic.permissionSets].reverse(),
            assignments: [...ic.assignments].reverse(),
            principals: [...ic.principals].reverse(),
          },
        };
        const now = new Date(0);
        expect(generateConfig(reversed, { now }).files).toEqual(generateConfig(snapshot, { now }).files);
      }),
      { numRuns: 200 },
    );
  });

  it('generates files that typecheck and pass the formatter and linter, for every one of them', {
    timeout: 120_000,
  }, () => {
    // Its own cases, written here: the test does not depend on the round trip running first.
    const dirs = fc
      .sample(shape, SAMPLE)
      .map((s) => writeGenerated(generateConfig(toSnapshot(s), { now: new Date(0) }).files));
    expect(dirs).toHaveLength(SAMPLE.numRuns);
    expect(typeErrors(dirs)).toEqual([]);
    expect(biomeFindings(SCRATCH_DIR)).toBe('');
  });
});
