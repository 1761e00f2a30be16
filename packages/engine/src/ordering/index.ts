/**
 * The ordering rules that make apply safe, in one place: the planner orders a plan with them and
 * the applier runs it with them. Each rule carries its AWS reason.
 */
export * from './concurrency.ts';
export * from './kind-phases.ts';
export * from './phase-rules.ts';
export * from './phases.ts';
export * from './policy-swaps.ts';
export * from './precedence.ts';
export * from './quarantine-steps.ts';
export * from './within-phase.ts';
