/**
 * The phases of a plan, in the order the applier runs them: every phase finishes before the next
 * starts. Why each phase sits where it does is in `PHASE_RULES` (`phase-rules.ts`), each rule with
 * its AWS reason; a test checks this order satisfies every one of them.
 */
export const PHASES = [
  'enable-services',
  'create-ous',
  'write-policies',
  'attachments',
  'create-accounts',
  'place-accounts',
  'attach-new-accounts',
  'delegate',
  'write-permission-sets',
  'provision',
  'create-assignments',
  'delete-assignments',
  'delete-permission-sets',
  'delete-ous',
  'delete-policies',
  'close-accounts',
  'disable-services',
] as const;

export type PhaseName = (typeof PHASES)[number];

/** Position of a phase in `PHASES`: a lower rank runs, and finishes, first. */
export function phaseRank(phase: PhaseName): number {
  return PHASES.indexOf(phase);
}
