import type { CallStats } from '@orgops/live';

/** `--stats`: calls per operation, most first, with the total and the time taken. */
export function formatStats(stats: CallStats, elapsedMs: number): string {
  const rows = Object.entries(stats.calls).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(9, ...rows.map(([op]) => op.length));
  const lines = [`${'operation'.padEnd(width)}  calls`];
  for (const [op, n] of rows) lines.push(`${op.padEnd(width)}  ${String(n).padStart(5)}`);
  lines.push(
    `${'total'.padEnd(width)}  ${String(stats.total).padStart(5)}   (${(elapsedMs / 1000).toFixed(2)} s)`,
  );
  return lines.join('\n');
}
