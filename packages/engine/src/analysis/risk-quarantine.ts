import type { AnalysisContext } from './analysis-context.ts';
import { accountLabel } from './analysis-context.ts';
import type { CodedRisk } from './risk-codes.ts';

/**
 * A release from quarantine is always a high risk: it lifts the containment of an account that
 * was compromised, through config alone. The reviewer sees what it was held for and why it goes.
 */
export function quarantineReleaseRisks(ctx: AnalysisContext): CodedRisk[] {
  return ctx.changes.flatMap((c) => {
    if (c.kind !== 'account-move' || c.quarantine?.direction !== 'release') return [];
    const q = c.quarantine;
    const held = [
      q.quarantinedAt && `since ${q.quarantinedAt}`,
      q.heldFor !== undefined && `for "${q.heldFor}"`,
    ]
      .filter(Boolean)
      .join(' ');
    return [
      {
        level: 'high',
        code: 'quarantine-release',
        message: `account ${accountLabel(c.account)} is released from quarantine ${c.fromPath} -> ${c.toPath}${held ? ` (held ${held})` : ''}: "${q.reason}". Its guardrails and access come back; confirm the incident is closed.`,
        addresses: [c.address],
      } satisfies CodedRisk,
    ];
  });
}
