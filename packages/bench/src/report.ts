import type { BenchResult, OrganizationResult } from './run-bench.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (s: number) =>
  `${s.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : int(n)} ms`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The benchmark as markdown: the summary table, then calls per operation. */
export function renderMarkdown(result: BenchResult): string {
  const orgs = result.organizations;
  const m = result.model;
  const head = orgs.map((o) => `${int(o.accounts)} accounts`);
  const line = (label: string, cell: (o: OrganizationResult) => string) => row([label, ...orgs.map(cell)]);
  const floorApis = [...new Set(orgs.map((o) => o.floorBucket))].join(', ');
  const lines = [
    `Modeled on a virtual clock: every request waits for its API's documented rate (\`${m.rates}\`, the table the AWS backend paces itself by) and ${int(m.latencyMs)} ms of round trip; an asynchronous request completes on its ${ordinal(m.asyncPolls)} status poll, ${seconds(m.pollIntervalMs / 1000)} apart. CPU times are this machine's.`,
    '',
    row(['', ...head]),
    row(['---', ...orgs.map(() => '--:')]),
    line(
      'organization',
      (o) =>
        `${int(o.ous)} OUs, ${int(o.policies)} SCPs, ${int(o.permissionSets)} permission sets, ${int(o.assignments)} assignments`,
    ),
    line('reader: calls', (o) => int(o.totalCalls)),
    line('reader: modeled read', (o) => seconds(o.modeledReadSeconds)),
    line(`floor: the slowest API's calls ÷ rate (${floorApis})`, (o) => seconds(o.floorSeconds)),
    line('modeled read ÷ floor', (o) => o.ratio.toFixed(3)),
    line('naive reader: calls', (o) => int(o.naiveTotalCalls)),
    line(
      'naive reader: modeled read',
      (o) => `${seconds(o.naiveModeledReadSeconds)}${o.naiveSnapshotMatches ? '' : ' (read differs!)'}`,
    ),
    line(
      'config: load + validate (CPU)',
      (o) => `${ms(o.cpuMs.loadAndValidate)} (${int(o.config.lines)} lines)`,
    ),
    line('plan, no changes (CPU)', (o) => ms(o.cpuMs.plan)),
    line(
      'render the apply plan: text / markdown / json (CPU)',
      (o) => `${ms(o.cpuMs.render.text)} / ${ms(o.cpuMs.render.markdown)} / ${ms(o.cpuMs.render.json)}`,
    ),
    line(
      'apply assignment changes (modeled)',
      (o) =>
        `${int(o.apply.changes)} in ${seconds(o.apply.writeSeconds)}, after a ${seconds(o.apply.freshnessReadSeconds)} freshness read`,
    ),
    line('least time 15 outstanding operations allow', (o) => seconds(o.apply.outstandingLimitSeconds)),
    line("least time sso-admin's 20/s allows", (o) => seconds(o.apply.rateLimitSeconds)),
    line(
      `drift --since after ${orgs[0]?.drift.edits ?? 10} out-of-band edits (modeled)`,
      (o) =>
        `${seconds(o.drift.modeledSeconds)}, ${int(o.drift.totalCalls)} calls${o.drift.matchesFullRead ? '' : ' (differs from a full read!)'}`,
    ),
    line('config warnings', (o) => warningsCell(o.warnings)),
    '',
    'Calls per operation, the reader beside the naive one (ListParents per account, ListPoliciesForTarget per target and type, ListAccountAssignments per account × permission set):',
    '',
    callsTable(orgs),
  ];
  return lines.join('\n');
}

function callsTable(orgs: readonly OrganizationResult[]): string {
  const ops = [
    ...new Set(orgs.flatMap((o) => [...Object.keys(o.calls), ...Object.keys(o.naiveCalls)])),
  ].sort();
  const header = orgs.flatMap((o) => [`reader, ${int(o.accounts)}`, `naive, ${int(o.accounts)}`]);
  const cell = (n: number | undefined) => (n === undefined ? '' : int(n));
  return [
    row(['operation', ...header]),
    row(['---', ...header.map(() => '--:')]),
    ...ops.map((op) =>
      row([`\`${op}\``, ...orgs.flatMap((o) => [cell(o.calls[op]), cell(o.naiveCalls[op])])]),
    ),
    row(['**total**', ...orgs.flatMap((o) => [`**${int(o.totalCalls)}**`, `**${int(o.naiveTotalCalls)}**`])]),
  ].join('\n');
}

function warningsCell(warnings: Readonly<Record<string, number>>): string {
  const entries = Object.entries(warnings);
  if (entries.length === 0) return 'none';
  return entries.map(([code, n]) => `${int(n)} ${code} (printed as one group)`).join(', ');
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}
