#!/usr/bin/env node
import { processIo } from './io.ts';
import { main } from './main.ts';

// The AWS SDK warns on every run under Node 20 that its releases after January 2027 need Node 22.
// The lockfile pins a release that works and the README says so; the SDK's own switch hides it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await main(process.argv.slice(2), {
  io: processIo(),
  cwd: process.cwd(),
  env: process.env,
});
