import type { Plan } from '../plan.ts';

/** A change's place in a plan file, in words and as a JSON path. */
export interface ChangeLocation {
  /** `phase create-accounts, change 2 (account/aws+app@example.com)`; changes count from 1. */
  readonly words: string;
  /** `phases[1].changes[1]` */
  readonly path: string;
}

/** Where the change at `phases[phase].changes[index]` is, for error messages. */
export function locateChange(plan: unknown, phase: number, index: number): ChangeLocation {
  const phases = isRecord(plan) && Array.isArray(plan.phases) ? plan.phases : [];
  const p: unknown = phases[phase];
  const name = isRecord(p) && typeof p.name === 'string' ? p.name : `#${phase + 1}`;
  const changes = isRecord(p) && Array.isArray(p.changes) ? p.changes : [];
  const c: unknown = changes[index];
  const address = isRecord(c) && typeof c.address === 'string' ? ` (${c.address})` : '';
  return {
    words: `phase ${name}, change ${index + 1}${address}`,
    path: `phases[${phase}].changes[${index}]`,
  };
}

/** Every change of a well-formed plan with its location, in plan order. */
export function locatedChanges(plan: Pick<Plan, 'phases'>) {
  return plan.phases.flatMap((phase, p) =>
    phase.changes.map((change, i) => ({ change, ...locateChange(plan, p, i) })),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
