/**
 * The pure part of the platform: what a subgraph's `src/domain/` may import (lint holds it:
 * no database, GraphQL, Kafka or node I/O below this line).
 */
export * from './problems.ts';
export * from './ids.ts';
export * from './zoned-time.ts';
export * from './text-rules.ts';
