import { type Decision, describeResult, type SimulationResult } from './result.ts';
import type { SimulationRequest, Simulator } from './simulator.ts';

/**
 * One row of a request table: a request and the decision it must get. `by` names what must decide
 * it (`policy` or `policy/Sid`), so a row denied for the wrong reason fails too.
 */
export interface RequestRow extends SimulationRequest {
  /** What the row proves, in words; test titles use it. */
  readonly name: string;
  readonly expect: Decision;
  /** For a denial: the SCP/RCP (and Sid) that must deny it. For an allow: a policy that must grant it. */
  readonly by?: string;
  /** The audit finding the row closes or documents (e.g. `issue-7/2`), for cross-reference. */
  readonly audit?: string;
}

export interface RowOutcome {
  readonly row: RequestRow;
  readonly result: SimulationResult;
  /** Why the row does not hold; undefined when it does. */
  readonly problem: string | undefined;
}

/**
 * Simulates a row and says whether it holds: the decision matches, `by` is among the deciding
 * statements, and every context key the row sets applies to its action (a key the simulator drops
 * would make a condition row prove nothing).
 */
export async function checkRow(simulator: Simulator, row: RequestRow): Promise<RowOutcome> {
  const result = await simulator.simulate(row);
  const problems: string[] = [];
  if (result.decision !== row.expect) problems.push(`expected ${row.expect}, got ${describeResult(result)}`);
  if (row.by !== undefined && result.decision === row.expect) {
    const names = result.decidedBy.flatMap((s) =>
      s.policy ? [s.policy, ...(s.sid ? [`${s.policy}/${s.sid}`] : [])] : [],
    );
    if (!names.includes(row.by)) problems.push(`expected ${row.by} to decide, got ${describeResult(result)}`);
  }
  const ignored = Object.keys(row.context ?? {}).filter((k) => result.ignoredContextKeys.includes(k));
  if (ignored.length > 0) {
    problems.push(`context ${ignored.join(', ')} does not apply to ${row.action} on ${row.resource ?? '*'}`);
  }
  return { row, result, problem: problems.length > 0 ? problems.join('; ') : undefined };
}
