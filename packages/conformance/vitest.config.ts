import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts one moto_server (about two seconds, longer on a loaded machine).
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
