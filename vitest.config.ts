import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node itself loads graphql's CommonJS build (its package.json has no exports map), and so do
    // @apollo/gateway and @apollo/subgraph; Vite would pick the .mjs build for our own files, and
    // two graphql realms refuse each other's schemas ("Cannot use GraphQLSchema from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'router/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    globalSetup: ['packages/testkit/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The shared services run in the global setup; two workers match the two cores.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default'],
  },
});
