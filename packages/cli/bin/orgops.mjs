#!/usr/bin/env node
// The `orgops` command. The CLI is TypeScript run without a build step: tsx's loader is registered
// here, before anything else is imported, so `pnpm exec orgops` (and node_modules/.bin/orgops)
// print only what orgops prints and exit with orgops's own code.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
