import { type Change, mustPrecede, type Placed, type Plan, placedChanges } from '@orgops/engine';
import type { ApplyEvent } from '@orgops/live';

/** What the applier did, in the order it happened: starts carry the change, ends its address. */
export type Happened = { readonly start: Change } | { readonly end: string };

/** An `onEvent` that records starts and ends for `orderingViolations`. */
export function recordHappened(into: Happened[]): (e: ApplyEvent) => void {
  return (e) => {
    if (e.kind === 'start') into.push({ start: e.change });
    else if (e.kind === 'done' || e.kind === 'skipped' || e.kind === 'failed') into.push({ end: e.address });
  };
}

/**
 * Every pair of changes the ordering module says must run one after the other (`mustPrecede`)
 * that the applier overlapped or ran the other way round, in words; `pairs` counts the pairs it
 * checked. An end is matched to the earliest running change with its address (an account's move
 * and tags share one).
 */
export function orderingViolations(
  plan: Pick<Plan, 'phases'>,
  happened: readonly Happened[],
): { readonly violations: string[]; readonly pairs: number } {
  const placed = placedChanges(plan);
  const byChange = new Map<Change, Placed>(placed.map((p) => [p.change, p]));
  const startAt = new Map<Placed, number>();
  const endAt = new Map<Placed, number>();
  const running: Placed[] = [];
  happened.forEach((h, t) => {
    if ('start' in h) {
      const p = byChange.get(h.start);
      if (!p) throw new Error(`the applier started a change that is not in the plan: ${h.start.address}`);
      startAt.set(p, t);
      running.push(p);
    } else {
      const i = running.findIndex((p) => p.change.address === h.end);
      if (i < 0) throw new Error(`an end of ${h.end} without a start`);
      endAt.set(running[i]!, t);
      running.splice(i, 1);
    }
  });
  const violations: string[] = [];
  let pairs = 0;
  for (const a of placed) {
    for (const b of placed) {
      if (!mustPrecede(a, b)) continue;
      const startB = startAt.get(b);
      if (startB === undefined) continue;
      pairs++;
      const endA = endAt.get(a);
      if (endA === undefined || endA > startB)
        violations.push(
          `${b.phase} ${b.change.action} ${b.change.address} started before ${a.phase} ${a.change.action} ${a.change.address} finished`,
        );
    }
  }
  return { violations, pairs };
}
