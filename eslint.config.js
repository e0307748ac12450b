import js from '@eslint/js';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// adr/013: the boundaries of the one subgraph shape, as lint.
const SUBGRAPHS = JSON.parse(readFileSync(new URL('schema/subgraphs.json', import.meta.url), 'utf8')).map((s) => s.name);

const otherSubgraphs = (name) =>
  SUBGRAPHS.filter((other) => other !== name).flatMap((other) => [`**/${other}/src/**`, `**/${other}/test/**`, `@medappt/${other}`]);

const NO_DRIZZLE = 'Only src/repository/ (and the table definitions in src/db/) touch drizzle and Postgres.';
const PURE = 'src/domain/ is pure: it imports only its own folder and @medappt/platform/domain (no database, GraphQL, Kafka or node I/O).';

// Flat config replaces a rule, never merges it: each block carries every pattern its files obey.
function restrictedImports(name, zone) {
  const patterns = [
    {
      group: [...otherSubgraphs(name), '**/router/src/**'],
      message: 'A subgraph imports no other subgraph and not the router: share through packages/ or talk over GraphQL/Kafka.',
    },
  ];
  const paths = [];
  // A regex, not gitignore globs: `*` excludes the `@medappt` folder, and a path under an excluded folder cannot be re-included.
  if (zone === 'domain') patterns.push({ regex: '^(?!\\./(?!.*\\.\\.)|@medappt/platform/domain$)', message: PURE });
  if (zone === 'src') {
    patterns.push({ group: ['drizzle-orm/*'], message: NO_DRIZZLE });
    paths.push({ name: 'drizzle-orm', message: NO_DRIZZLE }, { name: 'postgres', message: NO_DRIZZLE });
  }
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const boundaries = [
  ...SUBGRAPHS.flatMap((name) => {
    const root = `subgraphs/${name}`;
    // The cross-subgraph and no-router rule holds for tests too (shared seeding is in packages/testkit).
    return [
      { files: [`${root}/**/*.ts`], rules: restrictedImports(name, 'any') },
      {
        files: [`${root}/src/**/*.ts`],
        ignores: [`${root}/src/repository/**`, `${root}/src/db/**`, `${root}/src/domain/**`],
        rules: restrictedImports(name, 'src'),
      },
      { files: [`${root}/src/domain/**/*.ts`], rules: restrictedImports(name, 'domain') },
    ];
  }),
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/subgraphs/**', '**/router/src/**'], message: 'packages/ is the ground floor: it imports no subgraph and not the router.' }],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/generated/**', '.cache/**', '.data/**', 'schema/**', '**/drizzle/**', 'clients/**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Do not commit focused tests.' },
        { object: 'describe', property: 'only', message: 'Do not commit focused tests.' },
        { object: 'it', property: 'skip', message: 'Do not commit skipped tests.' },
        { object: 'describe', property: 'skip', message: 'Do not commit skipped tests.' },
      ],
    },
  },
  {
    files: ['**/src/**/*.ts'],
    ignores: ['**/test/**'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  ...boundaries,
);
