import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: keep parallelism modest so the PostgreSQL and server tests are not starved.
    maxWorkers: 2,
  },
});
