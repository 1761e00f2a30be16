import type { Change } from '../change.ts';
import type { PhaseName } from './phases.ts';
import { phaseRank } from './phases.ts';
import { serialKeyOf, WITHIN_PHASE } from './within-phase.ts';

/** A change's place in a plan: its phase and its index in plan order. */
export interface Placed {
  readonly phase: PhaseName;
  readonly index: number;
  readonly change: Change;
}

/**
 * True when `a` must finish before `b` starts, by the rules of this module: phases run one after
 * another (`PHASE_RULES`); in a serial phase, changes run in plan order (`WITHIN_PHASE`); in the
 * others, changes with the same serial key (one target's attachments) run in plan order. The
 * applier follows exactly this; the ordering tests check it does.
 */
export function mustPrecede(a: Placed, b: Placed): boolean {
  if (a.phase !== b.phase) return phaseRank(a.phase) < phaseRank(b.phase);
  if (a.index >= b.index) return false;
  if (WITHIN_PHASE[a.phase].serial) return true;
  const key = serialKeyOf(a.change);
  return key !== undefined && key === serialKeyOf(b.change);
}

/** Every change of a plan with its phase and position, in plan order. */
export function placedChanges(plan: {
  readonly phases: readonly { readonly name: PhaseName; readonly changes: readonly Change[] }[];
}): Placed[] {
  let index = 0;
  return plan.phases.flatMap((p) => p.changes.map((change) => ({ phase: p.name, index: index++, change })));
}
