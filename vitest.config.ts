import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/postgres-setup.ts'],
    // Adapter tests start real servers on loopback; keep them from starving each other on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
