import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/web/e2e/**/*.test.ts',
      'conformance/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // The store's tests also run on PostgreSQL: `DATABASE_URL`, or an embedded server for the run.
    // The browser tests need the console built (once, before any test serves it).
    globalSetup: ['packages/store/src/test-postgres-server.ts', 'packages/web/e2e/global-setup.ts'],
    // Two files at a time even on a 2-core machine (vitest's default is one fewer than the cores):
    // much of a file's time is spent waiting on PostgreSQL, Chromium or the console server.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
