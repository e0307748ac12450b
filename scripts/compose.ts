/**
 * Composes the subgraph schemas into schema/supergraph.graphql (what the router serves) and
 * schema/api.graphql (what clients see). `--check` fails when the committed files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { repoRoot, routingUrl, subgraphs } from './subgraphs.ts';

const check = process.argv.includes('--check');

const result = composeServices(
  subgraphs.map((entry) => ({
    name: entry.name,
    url: routingUrl(entry),
    typeDefs: parse(readFileSync(join(repoRoot, entry.schema), 'utf8')),
  })),
);
if (result.errors) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.definition.code}: ${hint.message}`);

const outputs = {
  'schema/supergraph.graphql': result.supergraphSdl,
  'schema/api.graphql': printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n',
};

let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = join(repoRoot, file);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run \`pnpm compose\` and commit the result.`);
    stale = true;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log(`supergraph and API schema are up to date (${subgraphs.length} subgraphs).`);
