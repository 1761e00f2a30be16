import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // End-to-end runs read and write sandbox files and load TypeScript configs through tsx.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
