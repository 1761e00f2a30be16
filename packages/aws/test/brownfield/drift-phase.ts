/** Console edits reported as drift with their class, then applied away. */

import { classifyDrift } from '@orgops/engine';
import { applyPlan } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { type BrownfieldRun, STEP_TIMEOUT } from './brownfield-run.ts';
import { type ExpectedDrift, editLikeAConsoleUser } from './console-edits.ts';
import { APPLY_OPTIONS, failures, planAgainst, summary } from './harness.ts';

export function describeDrift(run: BrownfieldRun): void {
  describe('drift: console edits are reported with their class, then applied away', () => {
    it(
      'reports a move, a detached SCP, an edited SCP, a retag, an added and a deleted assignment, a session duration and an unmanaged OU',
      async () => {
        const desired = run.imported();
        const expected = await editLikeAConsoleUser(run.consoleUser, run.seeded);

        await run.withBackend(async (b) => {
          const { plan } = await planAgainst(b, desired);
          const drift = classifyDrift(plan);
          console.info(`drift report:\n  ${drift.map((d) => `${d.class}: ${d.description}`).join('\n  ')}`);
          const got = drift.map((d): ExpectedDrift => ({ change: d.remedy, class: d.class }));
          expect(got.sort(byChange)).toEqual([...expected].sort(byChange));
          expect(drift.find((d) => d.address === 'account/dev-shop-03@example.com')?.description).toBe(
            'dev-shop-03 was moved from /Workloads/Dev/Shop to /Workloads/Staging/Shop',
          );
          expect(drift.find((d) => d.address === 'permission-set/ReadOnly')?.description).toBe(
            'ReadOnly was edited (sessionDuration)',
          );

          // moto answers ProvisionPermissionSet and the assignment requests SUCCEEDED at once, so the
          // status polling is not exercised here (moto-gaps.mock.test.ts covers IN_PROGRESS/FAILED).
          const result = await applyPlan(plan, b, APPLY_OPTIONS);
          expect(failures(result.outcomes)).toEqual([]);
          expect(result.ok).toBe(true);
          expect(result.counts).toEqual({ done: expected.length, skipped: 0, failed: 0, 'not-started': 0 });

          const after = await planAgainst(b, desired);
          expect(summary(after.plan)).toEqual([]);
          // Applied for real, not planned away: the read shows the seeded values again.
          const s = after.snapshot;
          expect(run.pathOf(s, s.accounts.find((a) => a.name === 'dev-shop-03')!.parentId)).toBe(
            'Workloads/Dev/Shop',
          );
          expect(s.identityCenter?.permissionSets.find((p) => p.name === 'ReadOnly')?.sessionDuration).toBe(
            'PT8H',
          );
          expect(s.ous.some((o) => o.name === 'Experiments')).toBe(false);
          expect(s.identityCenter?.assignments).toHaveLength(500);
        });
      },
      STEP_TIMEOUT,
    );
  });
}

const byChange = (a: ExpectedDrift, b: ExpectedDrift) => a.change.localeCompare(b.change);
