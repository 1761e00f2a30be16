import type { AnalysisInput } from './analysis/analysis-context.ts';
import { analyzePlan } from './analysis/analyze.ts';
import { reviewContextOf } from './analysis/review-context.ts';
import type { PlanAnalysis } from './analysis/types.ts';
import type { Change } from './change.ts';
import type { ReviewAnalyzer } from './plan-file/review.ts';

/**
 * What happened outside orgops, as changes from the config to what AWS now holds: the plan that
 * would revert drift, read backwards. A grant made by hand is the deletion the plan would make,
 * and here it is the assignment that was created, so the review rates it as it would rate the
 * same grant in a plan. Changes no risk rule reads (OUs, tags, provisioning, accounts missing or
 * still open) are left out.
 */
export function outOfBandChanges(changes: readonly Change[]): Change[] {
  return changes.flatMap(asOutOfBand);
}

/** One planned change read backwards; every kind is listed, so `tsc` names a new one here. */
function asOutOfBand(c: Change): Change[] {
  switch (c.kind) {
    case 'assignment':
      return [{ ...c, action: c.action === 'create' ? 'delete' : 'create' }];
    case 'policy-attachment':
      return [{ ...c, action: c.action === 'attach' ? 'detach' : 'attach' }];
    case 'policy-update': {
      const { rename, description, content, ...rest } = c;
      return [
        {
          ...rest,
          name: rename?.to ?? c.name,
          ...(rename ? { rename: { from: rename.to, to: rename.from } } : {}),
          ...(description ? { description: { before: description.after, after: description.before } } : {}),
          ...(content ? { content: { before: content.after, after: content.before } } : {}),
        },
      ];
    }
    case 'permission-set-update':
      return [{ ...c, before: c.after, after: c.before }];
    case 'policy-create':
      return [
        {
          kind: 'policy-delete',
          action: 'delete',
          address: c.address,
          policyType: c.policyType,
          name: c.name,
          id: '',
          content: c.content,
        },
      ];
    case 'account-move':
      return [{ ...c, fromPath: c.toPath, toPath: c.fromPath }];
    case 'trusted-service':
      return [{ ...c, action: c.action === 'enable' ? 'disable' : 'enable' }];
    case 'policy-type':
      return [{ ...c, action: c.action === 'enable' ? 'disable' : 'enable' }];
    case 'delegated-admin':
      return [{ ...c, action: c.action === 'register' ? 'deregister' : 'register' }];
    // No risk rule reads these (see above).
    case 'ou-create':
    case 'ou-update':
    case 'ou-delete':
    case 'account-create':
    case 'account-tag':
    case 'account-close':
    case 'policy-delete':
    case 'permission-set-create':
    case 'permission-set-delete':
    case 'permission-set-provision':
      return [];
  }
}

/**
 * The review of what happened outside orgops: risks rated as they would be in a plan (a hand-made
 * admin grant in production is `admin-in-production`), from the plan that would revert the drift.
 * `analyze` is the analyzer the CLI reviews plans with.
 */
export async function analyzeOutOfBand(
  input: AnalysisInput,
  analyze: ReviewAnalyzer = analyzePlan,
): Promise<PlanAnalysis> {
  const changes = outOfBandChanges(input.changes);
  return analyze({
    changes,
    ...reviewContextOf({ changes, desired: input.desired, snapshot: input.snapshot }),
  });
}
