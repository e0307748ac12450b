import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one checked-in list of subgraphs: what compose composes and what the launcher starts. */
export interface SubgraphEntry {
  name: string;
  port: number;
  schema: string;
  entry: string;
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const subgraphs: SubgraphEntry[] = JSON.parse(readFileSync(new URL('../schema/subgraphs.json', import.meta.url), 'utf8')) as SubgraphEntry[];

export const routingUrl = (entry: SubgraphEntry): string => `http://127.0.0.1:${entry.port}/graphql`;
