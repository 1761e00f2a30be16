import { analyzeAccess } from './access.ts';
import { type AnalysisInput, type AnalysisOptions, buildContext } from './analysis-context.ts';
import { analyzeGuardrails } from './guardrails.ts';
import { reviewContextOf } from './review-context.ts';
import {
  deletedWhileAssignedRisks,
  elevatedAccessRisks,
  longAdminSessionRisks,
  userAssignmentRisks,
} from './risk-access.ts';
import { escalationRisks } from './risk-escalation.ts';
import {
  accountMoveRisks,
  fullAccessDetachedRisks,
  guardrailRemovedRisks,
  organizationRisks,
} from './risk-organization.ts';
import { quarantineReleaseRisks } from './risk-quarantine.ts';
import type { PlanAnalysis, Risk } from './types.ts';

const LEVEL_ORDER: Readonly<Record<Risk['level'], number>> = { high: 0, medium: 1, low: 2 };

/**
 * The review view of a set of changes: access rows, guardrail changes per target and risks,
 * highest first. Pure. It reads only the review context a saved plan carries (see
 * {@link reviewContextOf}), so the review made when planning is the one `show` and `apply`
 * recompute from the plan file.
 *
 * @example
 * const analysis = analyzePlan({ changes, desired, snapshot });
 * analysis.risks.filter((r) => r.level === 'high');
 */
export function analyzePlan(input: AnalysisInput, options: AnalysisOptions = {}): PlanAnalysis {
  return analyzeUnpruned({ changes: input.changes, ...reviewContextOf(input) }, options);
}

/**
 * The same analysis over whatever context it is given, unpruned; tests compare it with
 * {@link analyzePlan} to show the pruned review context loses nothing.
 */
export function analyzeUnpruned(input: AnalysisInput, options: AnalysisOptions = {}): PlanAnalysis {
  const ctx = buildContext(input, options);
  const access = analyzeAccess(ctx);
  const guardrails = analyzeGuardrails(ctx);
  const risks = [
    ...elevatedAccessRisks(ctx, access),
    ...escalationRisks(ctx, access),
    ...userAssignmentRisks(access),
    ...longAdminSessionRisks(ctx),
    ...deletedWhileAssignedRisks(ctx),
    ...fullAccessDetachedRisks(ctx),
    ...guardrailRemovedRisks(ctx),
    ...organizationRisks(ctx),
    ...accountMoveRisks(ctx),
    ...quarantineReleaseRisks(ctx),
  ];
  // Stable: by level, keeping discovery order (plan order) within a level.
  const sorted = risks
    .map((risk, i) => ({ risk, i }))
    .sort((a, b) => LEVEL_ORDER[a.risk.level] - LEVEL_ORDER[b.risk.level] || a.i - b.i)
    .map(({ risk }) => risk);
  return { access, guardrails, risks: sorted };
}
