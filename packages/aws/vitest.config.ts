import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each moto-backed file starts its own moto_server (about two seconds).
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
