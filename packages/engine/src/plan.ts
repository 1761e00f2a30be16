import type { Diagnostic } from '@orgops/model';
import type { PlanAnalysis } from './analysis/types.ts';
import type { Change } from './change.ts';

export const PLAN_FORMAT_VERSION = 1;

/**
 * Phases run in this order. Within a phase the applier runs changes concurrently up to AWS's
 * limits, but changes that share a lock (one target's attachments, one account's roles) run in
 * plan order.
 */
export const PHASES = [
  'enable-services',
  'create-ous',
  'create-accounts',
  'place-accounts',
  'write-policies',
  'attachments',
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

/** A saved, reviewable plan. The markdown and terminal views render exactly this data. */
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
  readonly analysis: PlanAnalysis;
  readonly summary: PlanSummary;
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
