import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'conformance/**/*.test.ts', 'bench/**/*.test.ts'],
    // The store's tests also run on PostgreSQL: `DATABASE_URL`, or an embedded server for the run.
    globalSetup: ['packages/store/src/test-postgres-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
