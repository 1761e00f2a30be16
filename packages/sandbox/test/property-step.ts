import {
  checkConformance,
  type Discrepancy,
  formatDiscrepancy,
  isEmptyPlan,
  type Plan,
  plan,
} from '@orgops/engine';
import { applyPlan, configReadOptions, readSnapshot } from '@orgops/live';
import { type DesiredState, type OrganizationConfig, validateConfig } from '@orgops/model';
import type { SandboxBackend } from '../src/index.ts';
import { type Happened, orderingViolations, recordHappened } from './ordering-agreement.ts';
import { PLAN_REFUSALS, unacceptableRefusal, VALIDATION_REFUSALS } from './property-refusals.ts';
import { truthSnapshot } from './truth-snapshot.ts';

export type StepOutcome = 'applied' | 'no-changes' | 'refused-validation' | 'refused-plan';

export interface StepResult {
  readonly outcome: StepOutcome;
  /** Codes of the refusal, when it was one. */
  readonly codes: readonly string[];
}

/** A property failure, with what led to it. */
export class PropertyFailure extends Error {
  override readonly name = 'PropertyFailure';
}

function fail(
  trace: readonly string[],
  message: string,
  found: readonly Discrepancy[] = [],
): PropertyFailure {
  const lines = found.map((d) => `  - ${formatDiscrepancy(d)}`);
  return new PropertyFailure(
    [message, ...lines, '', 'what happened:', ...trace.map((t) => `  ${t}`)].join('\n'),
  );
}

function planLines(p: Plan): string[] {
  return p.phases.flatMap((ph) => ph.changes.map((c) => `    ${ph.name}: ${c.action} ${c.address}`));
}

function planOrRefusal(desired: DesiredState, snapshot: Awaited<ReturnType<typeof readSnapshot>>) {
  return plan({ desired, snapshot, toolVersion: '0.0.0-property' });
}

/**
 * One turn of the property: validate, plan, apply, and hold every outcome to the oracle (judging
 * the sandbox's whole state, not the reader's view of it):
 * - a refusal is acceptable only if it is an expected, located one the organization bears out;
 * - "No changes" only when the oracle finds nothing, and changes only when it finds something;
 * - apply never fails, and afterwards the oracle finds nothing and the next plan is empty.
 */
export async function planApplyAndJudge(
  sb: SandboxBackend,
  config: OrganizationConfig,
  trace: string[],
): Promise<StepResult> {
  const validated = validateConfig(config);
  const truth = truthSnapshot(sb.exportState());
  if (!validated.ok) {
    trace.push(`  validation refused: ${validated.errors.map((e) => e.code).join(', ')}`);
    const why = unacceptableRefusal(validated.errors, VALIDATION_REFUSALS, {
      snapshot: truth,
      discrepancies: [],
    });
    if (why) throw fail(trace, why);
    return { outcome: 'refused-validation', codes: validated.errors.map((e) => e.code) };
  }
  const desired = validated.value.desired;
  const before = checkConformance(desired, truth);
  const snapshot = await readSnapshot(sb, configReadOptions(desired));
  const planned = planOrRefusal(desired, snapshot);
  if (!planned.ok) {
    trace.push(`  plan refused: ${planned.errors.map((e) => `${e.code} (${String(e.value)})`).join(', ')}`);
    const why = unacceptableRefusal(planned.errors, PLAN_REFUSALS, {
      snapshot: truth,
      discrepancies: before,
    });
    if (why) throw fail(trace, why);
    return { outcome: 'refused-plan', codes: planned.errors.map((e) => e.code) };
  }
  const first = planned.value;
  trace.push('  plan:', ...planLines(first));
  if (isEmptyPlan(first)) {
    if (before.length > 0) throw fail(trace, 'The plan says "No changes", but the oracle finds:', before);
    return { outcome: 'no-changes', codes: [] };
  }
  if (before.length === 0)
    throw fail(trace, 'The plan has changes for an organization the oracle says already matches the config.');

  const happened: Happened[] = [];
  const result = await applyPlan(first, sb, { pollIntervalMs: 0, onEvent: recordHappened(happened) });
  // The applier runs nothing before what the ordering module says must precede it.
  const order = orderingViolations(first, happened);
  if (order.violations.length > 0)
    throw fail(trace, ["The applier broke the ordering module's order:", ...order.violations].join('\n'));
  if (!result.ok) {
    const failed = result.outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => `  - ${o.address}: ${o.error?.code} ${o.error?.message}`);
    throw fail(trace, ['Apply failed:', ...failed].join('\n'));
  }
  const after = checkConformance(desired, truthSnapshot(sb.exportState()));
  if (after.length > 0) throw fail(trace, 'Apply succeeded, but the oracle finds:', after);

  const again = planOrRefusal(desired, await readSnapshot(sb, configReadOptions(desired)));
  if (!again.ok)
    throw fail(
      trace,
      `The plan after apply is refused: ${again.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`,
    );
  if (!isEmptyPlan(again.value))
    throw fail(trace, ['The plan after apply is not empty:', ...planLines(again.value)].join('\n'));
  return { outcome: 'applied', codes: [] };
}
