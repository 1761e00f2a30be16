import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CI runs every package's tests at once on two cores; the first synth in a worker compiles
    // CloudFormation's template validator (WebAssembly).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
