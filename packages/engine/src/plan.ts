import type { Diagnostic } from '@orgops/model';
import type { PlanAnalysis } from './analysis/types.ts';
import type { Change } from './change.ts';

export const PLAN_FORMAT_VERSION = 1;

/**
 * Phases run in this order. Within a phase the applier runs changes concurrently up to AWS's
 * limits, but changes that share a lock (one target's attachments, one account's roles) run in
 * plan order, and the OU and policy writes run one at a time in plan order (renames that free a
 * name before whatever takes it). Policies are written and attached to the root, OUs and existing
 * accounts before accounts are created or moved, so an account never arrives under an OU before
 * that OU's guardrails (AWS attaches only FullAWSAccess to a new account; attachments to it wait
 * in `attach-new-accounts`). Accounts move out of an OU before it is deleted, and are moved and
 * tagged before they are closed.
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
