/** An apply that crashes part way loses nothing, and the next apply converges. */

import { isEmptyPlan } from '@orgops/engine';
import { applyPlan, type ChangeOutcome } from '@orgops/live';
import { describe, expect, it } from 'vitest';
import { type BrownfieldRun, STEP_TIMEOUT } from './brownfield-run.ts';
import { thirtyEdits } from './console-edits.ts';
import { APPLY_OPTIONS, failures, planAgainst, summary, type WriteFault } from './harness.ts';

export function describeCrash(run: BrownfieldRun): void {
  describe('crash part way: a write that fails past its retries stops the apply; a re-plan shows exactly the rest', () => {
    it(
      'applies 30 changes with the 12th write failing, loses nothing, and converges on the next apply',
      async () => {
        const desired = run.imported();
        const undo = await thirtyEdits(run.consoleUser, run.seeded);
        const first = await run.withBackend(async (b) => (await planAgainst(b, desired)).plan);
        const planned = summary(first);
        expect([...planned].sort()).toEqual(undo);

        // The 12th write and every retry of it answer 503 until the backend gives up (3 attempts).
        let doomed: string | undefined;
        const attempts: string[] = [];
        const fault: WriteFault = (n, operation, input) => {
          const key = `${operation} ${JSON.stringify(input)}`;
          if (n === 12) doomed = key;
          if (key !== doomed) return undefined;
          attempts.push(key);
          return {
            status: 503,
            type: 'ServiceUnavailableException',
            message: 'Service is unavailable (injected)',
          };
        };
        const crashed = await run.withBackend((b) => applyPlan(first, b, APPLY_OPTIONS), {
          maxAttempts: 3,
          onWrite: fault,
        });

        const done = changesWith(crashed.outcomes, 'done');
        const failed = crashed.outcomes.filter((o) => o.status === 'failed');
        const notStarted = changesWith(crashed.outcomes, 'not-started');
        console.info(
          `crash: ${done.length} done, ${failed.length} failed (${failures(failed).join('; ')}), ${notStarted.length} not started`,
        );
        expect(crashed.ok).toBe(false);
        expect(attempts).toHaveLength(3);
        // Every planned change is accounted for, in plan order.
        expect(crashed.outcomes.map((o) => `${o.change.action} ${o.address}`)).toEqual(planned);
        expect(failed).toHaveLength(1);
        expect(failed[0]!.error).toMatchObject({ code: 'ServiceUnavailableException' });
        expect(failed[0]!.error!.message).toContain('gave up after 3 attempts');
        // Writes 1-11 had started before the failure and in-flight work finishes.
        expect(done.length).toBeGreaterThanOrEqual(11);
        expect(notStarted.length).toBeGreaterThan(0);
        expect(crashed.counts).toEqual({
          done: done.length,
          skipped: 0,
          failed: 1,
          'not-started': notStarted.length,
        });

        await run.withBackend(async (b) => {
          const rest = (await planAgainst(b, desired)).plan;
          // Exactly what did not happen: the failed change and those never started; nothing done twice.
          const left = [...changesWith(failed, 'failed'), ...notStarted];
          expect([...summary(rest)].sort()).toEqual(left.sort());

          const resumed = await applyPlan(rest, b, APPLY_OPTIONS);
          expect(failures(resumed.outcomes)).toEqual([]);
          expect(resumed.ok).toBe(true);
          const final = (await planAgainst(b, desired)).plan;
          expect(summary(final)).toEqual([]);
          expect(isEmptyPlan(final)).toBe(true);
        });
      },
      STEP_TIMEOUT,
    );
  });
}

const changesWith = (outcomes: readonly ChangeOutcome[], status: ChangeOutcome['status']): string[] =>
  outcomes.filter((o) => o.status === status).map((o) => `${o.change.action} ${o.address}`);
