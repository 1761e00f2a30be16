import { expect } from 'vitest';
import type { Change } from '../change.ts';
import { baseDesired, baseSnapshot } from '../testing/index.ts';
import { analyzePlan, analyzeUnpruned } from './analyze.ts';
import type { Risk } from './types.ts';

/**
 * Analyzes changes against the test organization and records every risk code seen, so a test
 * file can check at its end that it exercised each code it owns. Every case also checks that the
 * review context a saved plan carries gives the same review as the full config and snapshot.
 */
export function riskRecorder() {
  const emitted = new Set<string>();
  const risksOf = (
    changes: readonly Change[],
    desired = baseDesired(),
    snapshot = baseSnapshot(),
  ): Risk[] => {
    const analysis = analyzePlan({ changes, desired, snapshot });
    expect(analysis).toEqual(analyzeUnpruned({ changes, desired, snapshot }));
    const risks = [...analysis.risks];
    for (const r of risks) emitted.add(r.code);
    return risks;
  };
  const codes = (changes: readonly Change[], desired = baseDesired(), snapshot = baseSnapshot()): string[] =>
    risksOf(changes, desired, snapshot).map((r) => `${r.level}:${r.code}`);
  return { emitted, risksOf, codes };
}

/** Codes each risk test file owns; together they must be the whole catalogue. */
export const ACCESS_RISK_CODES: readonly string[] = [
  'admin-in-production',
  'admin-in-critical-account',
  'admin-access-gained',
  'privilege-escalation',
  'power-user-access-gained',
  'assignment-to-user',
  'long-admin-session',
  'permission-set-deleted-while-assigned',
];
export const ORGANIZATION_RISK_CODES: readonly string[] = [
  'guardrail-removed',
  'guardrail-weakened',
  'guardrail-exemption-widened',
  'full-aws-access-detached',
  'policy-type-disabled',
  'trusted-service-disabled',
  'delegated-admin-deregistered',
  'account-closure',
  'account-moved',
  'quarantine-release',
];
