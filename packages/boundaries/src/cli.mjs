#!/usr/bin/env node
// `pnpm boundaries [--write]`: checks (or, with --write, regenerates) biome.json's boundary rules
// and checks every package.json against packages/boundaries/src/rules.mjs.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBiome, checkManifests } from './check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const write = process.argv.includes('--write');
const problems = [...checkBiome(root, { write }), ...checkManifests(root)];
for (const problem of problems) console.error(`boundaries: ${problem}`);
if (problems.length > 0) process.exit(1);
// The rules are written as plain JSON; biome formats the file so `pnpm lint` (which checks
// biome.json) stays clean after a regeneration.
if (write)
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', 'biome.json'], {
    cwd: root,
    stdio: 'ignore',
  });
console.log(write ? 'boundaries: biome.json and the plugins are up to date' : 'boundaries: ok');
