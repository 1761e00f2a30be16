import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The end-to-end test starts moto_server and runs the CLI as the workflows do.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
