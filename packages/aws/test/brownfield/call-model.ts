/**
 * What a read costs: the naive scan the reader is measured against, the floor AWS's rate limits
 * put under a set of calls, and a small table for the test output.
 */

import { bucketFor, type ServiceName } from '@orgops/live';

export interface OrgShape {
  readonly accounts: number;
  readonly ous: number;
  readonly permissionSets: number;
  readonly enabledPolicyTypes: number;
}

/**
 * The calls a naive reader makes for the three questions the real one answers cheaply: who is
 * assigned where (ListAccountAssignments for every account × permission set), which policies are
 * attached where (ListPoliciesForTarget for every target × enabled policy type) and where each
 * account sits (ListParents per account, after ListAccounts has named them). One page each, the
 * best case for the naive reader.
 */
export function naiveCalls(shape: OrgShape): Record<string, number> {
  const targets = 1 + shape.ous + shape.accounts;
  return {
    'sso-admin:ListAccountAssignments': shape.accounts * shape.permissionSets,
    'organizations:ListPoliciesForTarget': targets * shape.enabledPolicyTypes,
    'organizations:ListAccounts': Math.ceil(shape.accounts / 20),
    'organizations:ListParents': shape.accounts,
  };
}

/**
 * The least time AWS's rate limits allow for `calls` (keyed `service:Operation`): each bucket
 * spends its burst at once and then runs at its sustained rate; buckets run in parallel.
 */
export function rateFloorSeconds(calls: Readonly<Record<string, number>>): number {
  const perBucket = new Map<string, { calls: number; perSecond: number; burst: number }>();
  for (const [key, n] of Object.entries(calls)) {
    const [service, operation] = key.split(':') as [ServiceName, string];
    const { key: bucket, rate } = bucketFor(service, operation);
    const entry = perBucket.get(bucket) ?? { calls: 0, ...rate };
    entry.calls += n;
    perBucket.set(bucket, entry);
  }
  let floor = 0;
  for (const b of perBucket.values()) floor = Math.max(floor, Math.max(0, b.calls - b.burst) / b.perSecond);
  return floor;
}

export const sum = (calls: Readonly<Record<string, number>>): number =>
  Object.values(calls).reduce((a, b) => a + b, 0);

/** A fixed-width table: the first row is the header. */
export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r: readonly (string | number)[]) =>
    r
      .map((cell, i) =>
        typeof cell === 'number' ? String(cell).padStart(widths[i]!) : String(cell).padEnd(widths[i]!),
      )
      .join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The reader's calls beside the naive scan's, per question and in total, with their rate floors. */
export interface CostComparison {
  readonly rows: readonly {
    readonly question: string;
    readonly reader: string;
    readonly readerCalls: number;
    readonly naive: string;
    readonly naiveCalls: number;
  }[];
  readonly total: { readonly reader: number; readonly naive: number };
  readonly floorSeconds: { readonly reader: number; readonly naive: number };
}

/**
 * Compares a measured read (`calls` per `service:Operation`) with the naive scan of the same
 * organization. The naive reader makes every other call the real one makes; only the three
 * questions are answered differently.
 */
export function compareWithNaive(calls: Readonly<Record<string, number>>, shape: OrgShape): CostComparison {
  const n = (key: string) => calls[key] ?? 0;
  const naive = naiveCalls(shape);
  const replaced = [
    'sso-admin:ListAccountAssignmentsForPrincipal',
    'organizations:ListTargetsForPolicy',
    'organizations:ListAccountsForParent',
  ];
  const naiveRead = Object.fromEntries(
    Object.entries({ ...calls, ...naive }).filter(([key]) => !replaced.includes(key)),
  );
  return {
    rows: [
      {
        question: 'assignments',
        reader: 'ListAccountAssignmentsForPrincipal + ListGroups/Users (+ pairs no principal explains)',
        readerCalls:
          n('sso-admin:ListAccountAssignmentsForPrincipal') +
          n('identitystore:ListGroups') +
          n('identitystore:ListUsers') +
          n('sso-admin:ListAccountAssignments'),
        naive: 'ListAccountAssignments per account x permission set',
        naiveCalls: naive['sso-admin:ListAccountAssignments']!,
      },
      {
        question: 'attachments',
        reader: 'ListTargetsForPolicy per policy',
        readerCalls: n('organizations:ListTargetsForPolicy'),
        naive: 'ListPoliciesForTarget per target x type',
        naiveCalls: naive['organizations:ListPoliciesForTarget']!,
      },
      {
        question: 'placement',
        reader: 'ListAccountsForParent per parent',
        readerCalls: n('organizations:ListAccountsForParent'),
        naive: 'ListAccounts, then ListParents per account',
        naiveCalls: naive['organizations:ListAccounts']! + naive['organizations:ListParents']!,
      },
    ],
    total: { reader: sum(calls), naive: sum(naiveRead) },
    floorSeconds: { reader: rateFloorSeconds(calls), naive: rateFloorSeconds(naiveRead) },
  };
}

export function costTable(c: CostComparison): string {
  return table([
    ['question', 'reader', 'calls', 'naive scan', 'calls'],
    ...c.rows.map((r) => [r.question, r.reader, r.readerCalls, r.naive, r.naiveCalls]),
    ['whole read', '', c.total.reader, '', c.total.naive],
    [
      'floor at AWS rates (s)',
      '',
      Number(c.floorSeconds.reader.toFixed(1)),
      '',
      Number(c.floorSeconds.naive.toFixed(1)),
    ],
  ]);
}
