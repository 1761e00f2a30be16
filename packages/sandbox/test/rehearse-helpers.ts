import type { Plan, PlanRehearsal } from '@orgops/engine';
import { configReadOptions, readSnapshot } from '@orgops/live';
import { type DesiredState, normalize, type OrganizationConfig } from '@orgops/model';
import { expect } from 'vitest';
import { type RehearseResult, rehearsePlan, type SandboxBackend, type TwinOptions } from '../src/index.ts';

/**
 * Rehearses `plan` against a snapshot of `live`, the way `orgops plan --rehearse` does: the
 * rehearsal gets the snapshot, never the organization. Checks that the organization saw no call
 * at all, read or write, and did not change.
 */
export async function rehearse(
  live: SandboxBackend,
  plan: Plan,
  config: OrganizationConfig | DesiredState,
  twin?: TwinOptions,
): Promise<RehearseResult> {
  const desired = 'kind' in config ? normalize(config) : config;
  const snapshot = await readSnapshot(live, configReadOptions(desired));
  const before = live.exportState();
  live.resetStats();
  const result = await rehearsePlan({
    plan,
    snapshot,
    desired,
    toolVersion: 'test',
    ...(twin ? { twin } : {}),
  });
  expect(live.stats().total).toBe(0);
  expect(live.exportState()).toEqual(before);
  return result;
}

/** A rehearsal's refusals, without their messages and fixes. */
export const refusalsOf = (r: PlanRehearsal) =>
  r.refusals.map((f) => ({
    address: f.address,
    code: f.code,
    reason: f.reason,
    operation: f.operation,
  }));
