import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'router/test/**/*.test.ts'],
    globalSetup: ['packages/testkit/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The shared services run in the global setup; two workers match the two cores.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default'],
  },
});
