import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI runs every package's tests at once on two cores; timeouts are for a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
