import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { createKafka, ensureTopics, startOutboxRelay, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { DoctorsConfig } from './config.ts';
import { createDoctorsContext } from './context.ts';
import * as schema from './db/schema.ts';
import { resolvers } from './resolvers/index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const typeDefs = parse(readFileSync(join(here, 'schema.graphql'), 'utf8'));

/** Starts the doctors subgraph: doctor profiles, clinics and the medical-service catalogue. */
export function startDoctors(config: DoctorsConfig): Promise<RunningService> {
  return startSubgraph({
    name: 'doctors',
    config,
    typeDefs,
    resolvers,
    db: { schema, migrationsFolder: join(here, '..', 'drizzle') },
    async setup({ database, logger }) {
      const context = (base: BaseContext) => createDoctorsContext(base, { db: database.db });
      if (!config.KAFKA_BROKERS) {
        logger.warn('KAFKA_BROKERS is not set: catalogue events wait in the outbox until a broker is configured');
        return { context };
      }
      const kafka = createKafka('doctors', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.doctors]);
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      return { context, close: () => relay.stop() };
    },
  });
}
