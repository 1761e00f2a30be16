import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // End-to-end runs read and write sandbox files and load TypeScript configs through tsx.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default is one worker less than the cores: one worker on a two-core CI machine, so
    // the files ran one after another while most of their time is spent waiting on child
    // processes, moto and retry backoff. This package's tests are the longest task of `pnpm test`;
    // two files at a time at least on any machine.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
