#!/usr/bin/env node
// `pnpm bench`. The benchmark is TypeScript run without a build step: tsx's loader is registered
// here, before anything else is imported, so `pnpm bench --json` prints only the JSON (no script
// banner) and exits with the benchmark's own code, as `pnpm orgops` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
