import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The harness test starts one moto_server (about two seconds, longer on a loaded machine).
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
