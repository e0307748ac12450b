import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two rooms (adr/013): `unit` is the pure tests under any `test/unit/`, which start nothing;
// `system` is everything else, against the real services the global setup starts once per run.
const UNIT = ['packages/*/test/unit/**/*.test.ts', 'subgraphs/*/test/unit/**/*.test.ts', 'router/test/unit/**/*.test.ts'];
const SYSTEM = ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'router/test/**/*.test.ts', 'scripts/test/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // Node itself loads graphql's CommonJS build (its package.json has no exports map), and so do
    // @apollo/gateway and @apollo/subgraph; Vite would pick the .mjs build for our own files, and
    // two graphql realms refuse each other's schemas ("Cannot use GraphQLSchema from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The shared services run in the global setup; two workers match the two cores.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'system', include: SYSTEM, exclude: UNIT, globalSetup: ['scripts/test-harness/global-setup.ts'] } },
    ],
  },
});
