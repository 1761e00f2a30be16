import { isEmptyPlan, type Plan, plan } from '@orgops/engine';
import { type ApplyEvent, type ApplyResult, applyPlan, configReadOptions, readSnapshot } from '@orgops/live';
import { type DesiredState, normalize, type OrganizationConfig } from '@orgops/model';
import type { SandboxBackend } from '../src/index.ts';

/** Reads the sandbox and plans `config` against it; throws on plan errors. */
export async function planFor(sb: SandboxBackend, config: OrganizationConfig | DesiredState): Promise<Plan> {
  const desired = 'kind' in config ? normalize(config) : config;
  const snapshot = await readSnapshot(sb, configReadOptions(desired));
  const result = plan({ desired, snapshot, toolVersion: '0.0.0-test' });
  if (!result.ok)
    throw new Error(`plan failed:\n${result.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`);
  return result.value;
}

export async function applyFor(sb: SandboxBackend, p: Plan, events: ApplyEvent[] = []): Promise<ApplyResult> {
  return applyPlan(p, sb, { pollIntervalMs: 0, onEvent: (e) => events.push(e) });
}

/** Plan, apply, and check that a second plan is empty. */
export async function converge(
  sb: SandboxBackend,
  config: OrganizationConfig | DesiredState,
): Promise<ApplyResult> {
  const first = await planFor(sb, config);
  const result = await applyFor(sb, first);
  if (!result.ok) {
    const bad = result.outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => `${o.address}: ${o.error?.message}`);
    throw new Error(`apply failed:\n${bad.join('\n')}`);
  }
  const second = await planFor(sb, config);
  if (!isEmptyPlan(second)) {
    const left = second.phases.flatMap((p) => p.changes.map((c) => `${c.action} ${c.address}`));
    throw new Error(`plan after apply is not empty:\n${left.join('\n')}`);
  }
  return result;
}

export function summary(p: Plan): string[] {
  return p.phases.flatMap((ph) => ph.changes.map((c) => `${ph.name}: ${c.action} ${c.address}`));
}
