import { parseArgs } from 'node:util';
import { renderMarkdown } from './report.ts';
import { runBench } from './run-bench.ts';
import { SHAPES, type ShapeName } from './shape.ts';

const USAGE = `Usage: pnpm bench [--json] [--small]

Builds organizations of 1,000 accounts (100 OUs, 100 SCPs, 50 permission sets, 20,000
assignments) and 5,000 accounts (100,000 assignments) in the sandbox, runs the real reader,
planner and applier against them on a virtual clock that enforces AWS's documented rates, and
prints a markdown table (or, with --json, the same results as JSON on stdout).

  --json    print JSON: { "organizations": [ { "accounts", "calls", "modeledReadSeconds", ... } ] }
  --small   a 60-account organization only: the same code paths in seconds (what CI runs)
`;

async function main(argv: readonly string[]): Promise<number> {
  let values: { json?: boolean; small?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        small: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const shapes: ShapeName[] = values.small ? ['small'] : ['large', 'huge'];
  const started = performance.now();
  const result = await runBench({
    shapes,
    ...(values.small ? { applyChanges: 30 } : {}),
    progress: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderMarkdown(result)}\n`);
  const shown = shapes.map((s) => SHAPES[s].accounts.toLocaleString('en-US')).join(' and ');
  process.stderr.write(
    `bench of ${shown} accounts done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
