import type { Diagnostic } from '@orgops/model';
import type { ReviewContext } from './analysis/review-context.ts';
import type { PlanAnalysis } from './analysis/types.ts';
import type { Change } from './change.ts';
import type { PhaseName } from './ordering/phases.ts';
import type { PlanRehearsal } from './rehearsal.ts';

/**
 * Version of the plan file format; loading refuses any other. 2 added the review context and the
 * integrity digests, so a version 1 file cannot be checked and must be re-planned.
 */
export const PLAN_FORMAT_VERSION = 2;

/** The phase order and every other ordering rule live in `ordering/` with their AWS reasons. */
export { PHASES, type PhaseName } from './ordering/phases.ts';

export interface PlanPhase {
  readonly name: PhaseName;
  readonly changes: readonly Change[];
}

/** What the plan was made against; printed prominently so nobody mistakes sandbox for production. */
export interface PlanTarget {
  readonly backend: 'sandbox' | 'aws';
  readonly location: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly managementAccountEmail?: string;
}

/**
 * A saved, reviewable plan. The markdown and terminal views render exactly this data. The JSON
 * Schema of the file is `packages/engine/plan.schema.json`, generated from `plan-file/plan-schema.ts`.
 */
export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly toolVersion: string;
  readonly limitsVersion: string;
  readonly createdAt: string;
  readonly target: PlanTarget;
  readonly phases: readonly PlanPhase[];
  /** Digest of every observed object a change touches, by address; apply refuses if any differ. */
  readonly observed: Readonly<Record<string, string>>;
  readonly warnings: readonly Diagnostic[];
  /** What the review needs to know beyond the changes (pruned config and snapshot). */
  readonly reviewContext: ReviewContext;
  /**
   * The review when the plan was made. Informational in a file: loading a plan recomputes it from
   * the changes and the review context, and every view renders the recomputed one.
   */
  readonly analysis: PlanAnalysis;
  /** Counts of the changes; recomputed on load like `analysis`. */
  readonly summary: PlanSummary;
  /**
   * The rehearsal on a twin of the organization (`orgops plan --rehearse`); absent when none ran.
   * Covered by the integrity digests and bound to the changes by their digest.
   */
  readonly rehearsal?: PlanRehearsal;
  /** Digests that loading the plan verifies, so an edited plan is refused. */
  readonly integrity: PlanIntegrity;
}

/** The parts of a plan, besides its changes, that the integrity digests cover one by one. */
export const INTEGRITY_SECTIONS = [
  'header',
  'target',
  'phases',
  'observed',
  'warnings',
  'reviewContext',
] as const;
export type IntegritySection = (typeof INTEGRITY_SECTIONS)[number];

/**
 * SHA-256 digests over the plan. They detect edits and corruption; they are not a signature:
 * anyone who can edit the file can recompute them (see the engine README's threat model).
 */
export interface PlanIntegrity {
  readonly algorithm: 'sha256';
  /** `changesDigest` of every change in plan order: the value the pull-request review prints. */
  readonly changes: string;
  /** `changeDigest` of each change in plan order, with its address, so an edit can be named. */
  readonly perChange: readonly { readonly address: string; readonly digest: string }[];
  /** One digest per section: `header` is the tool and limits versions and the creation time,
   *  `phases` the phase names and their sizes; `rehearsal` only when the plan was rehearsed. */
  readonly sections: Readonly<Record<IntegritySection, string>> & { readonly rehearsal?: string };
}

export interface PlanSummary {
  readonly total: number;
  readonly byAction: Readonly<Partial<Record<Change['action'], number>>>;
}

export function changesOf(plan: Pick<Plan, 'phases'>): Change[] {
  return plan.phases.flatMap((p) => p.changes);
}

export function isEmptyPlan(plan: Pick<Plan, 'phases'>): boolean {
  return plan.phases.every((p) => p.changes.length === 0);
}
