import {
  classifyDrift,
  planEverything,
  renderDriftText,
  renderPlanText,
  type Snapshot,
} from '@orgops/engine';
import { canonicalSnapshot, configReadOptions, readForDrift, readFull, readSnapshot } from '@orgops/live';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, edit } from './drift-edits.ts';
import { driftWorld } from './drift-world.ts';

/**
 * The incremental drift check must say exactly what a full read says. Each run builds an
 * organization, keeps a full read as the baseline, makes random edits out of band through the
 * ports (each recorded as CloudTrail would), then compares the incremental read with a full read:
 * the snapshots, the drift items and the rendered reports.
 *
 * `ORGOPS_PROPERTY_RUNS=1000 pnpm --filter @orgops/sandbox exec vitest run test/drift-since.property.test.ts`
 * runs more (also part of `pnpm test:deep`); `ORGOPS_PROPERTY_SEED` replays a reported run.
 */
const RUNS = Number(process.env.ORGOPS_PROPERTY_RUNS ?? '') || 40;
const SEED = process.env.ORGOPS_PROPERTY_SEED ? Number(process.env.ORGOPS_PROPERTY_SEED) : undefined;
const START = Date.parse('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;

function report(desired: Parameters<typeof planEverything>[0]['desired'], snapshot: Snapshot) {
  const { plan, refused } = planEverything({
    desired,
    snapshot,
    toolVersion: '0.0.0-test',
    now: new Date(START),
  });
  const items = classifyDrift(plan, refused);
  return {
    items,
    text: renderDriftText(items, snapshot.organization.id, { color: false }),
    plan: renderPlanText(plan, { color: false }),
  };
}

describe('drift --since: the incremental read matches a full read', () => {
  it(
    'after random out-of-band edits',
    async () => {
      const modes = { incremental: 0, full: 0 };
      let driftSeen = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 10 }), async (edits) => {
          const { sb, clock, desired } = await driftWorld(START);
          const options = configReadOptions(desired);
          expect(report(desired, await readSnapshot(sb, options)).items).toEqual([]);
          clock.advance(HOUR);
          const baseline = JSON.parse(JSON.stringify(await readFull(sb, { ...options, clock })));
          for (const e of edits) {
            clock.advance(60_000);
            await applyEdit(sb, e);
          }
          clock.advance(HOUR);
          sb.resetStats();
          const incremental = await readForDrift(sb, baseline, { ...options, clock });
          const incrementalCalls = sb.stats().total;
          sb.resetStats();
          const full = await readSnapshot(sb, options);
          const fullCalls = sb.stats().total;
          modes[incremental.mode] += 1;
          expect(canonicalSnapshot(incremental.snapshot)).toEqual(canonicalSnapshot(full));
          const want = report(desired, full);
          const got = report(desired, incremental.snapshot);
          expect(got.items).toEqual(want.items);
          expect(got.text).toEqual(want.text);
          expect(got.plan).toEqual(want.plan);
          if (want.items.length > 0) driftSeen += 1;
          if (incremental.mode === 'incremental') expect(incrementalCalls).toBeLessThan(fullCalls);
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      // Not vacuous: most runs went incremental, and most found drift.
      expect(modes.incremental).toBeGreaterThan(RUNS * 0.6);
      expect(driftSeen).toBeGreaterThan(RUNS * 0.6);
    },
    60_000 + RUNS * 1_000,
  );
});
