import type { Snapshot } from '@orgops/engine';
import type { CallStats } from '@orgops/live';

/** `--stats`: calls per operation, most first, with the total and the time taken. */
export function formatStats(stats: CallStats, elapsedMs: number, snapshot?: Snapshot): string {
  const rows = Object.entries(stats.calls).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(44, ...rows.map(([op]) => op.length));
  const lines = [`${'operation'.padEnd(width)}  calls`];
  for (const [op, n] of rows) lines.push(`${op.padEnd(width)}  ${String(n).padStart(5)}`);
  lines.push(
    `${'total'.padEnd(width)}  ${String(stats.total).padStart(5)}   (${(elapsedMs / 1000).toFixed(2)} s)`,
  );
  if (snapshot) {
    const naive = naiveScan(snapshot);
    lines.push(
      '',
      `A per-account × per-permission-set scan of this organization would need at least ${naive.total} calls for three operations alone:`,
      `  sso-admin:ListAccountAssignments  ${naive.accounts} accounts × ${naive.permissionSets} permission sets = ${naive.assignments}`,
      `  organizations:ListPoliciesForTarget  ${naive.targets} targets × ${naive.types} policy types = ${naive.policiesForTarget}`,
      `  organizations:ListParents  one per account = ${naive.accounts}`,
    );
  }
  return lines.join('\n');
}

export interface NaiveScan {
  readonly accounts: number;
  readonly permissionSets: number;
  readonly targets: number;
  readonly types: number;
  readonly assignments: number;
  readonly policiesForTarget: number;
  readonly total: number;
}

/** What the obvious read would cost: every account × permission set, every target × type. */
export function naiveScan(snapshot: Snapshot): NaiveScan {
  const accounts = snapshot.accounts.length;
  const permissionSets = snapshot.identityCenter?.permissionSets.length ?? 0;
  const targets = 1 + snapshot.ous.length + accounts;
  const types = snapshot.root.policyTypes.length;
  const assignments = accounts * permissionSets;
  const policiesForTarget = targets * types;
  return {
    accounts,
    permissionSets,
    targets,
    types,
    assignments,
    policiesForTarget,
    total: assignments + policiesForTarget + accounts,
  };
}
