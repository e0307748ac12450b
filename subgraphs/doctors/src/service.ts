import { createKafka, ensureTopics, startOutboxRelay, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { DoctorsConfig } from './config.ts';
import { createDoctorsContext } from './context.ts';
import * as schema from './db/schema.ts';
import { consumeAccountDirectory, consumeAccountEvents } from './events/consumes-users.ts';
import { resolvers } from './generated/resolvers.ts';

/** Starts the doctors subgraph: doctor profiles, clinics and the medical-service catalogue. */
export function startDoctors(config: DoctorsConfig): Promise<RunningService> {
  return startSubgraph({
    name: 'doctors',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const context = (base: BaseContext) => createDoctorsContext(base, { db: database.db });
      if (!config.KAFKA_BROKERS) {
        logger.warn('KAFKA_BROKERS is not set: catalogue events wait in the outbox, and createDoctor knows no accounts, until a broker is configured');
        return { context };
      }
      const kafka = createKafka('doctors', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.doctors, Topics.users]);
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      const [accounts, directory] = await Promise.all([
        consumeAccountEvents({ kafka, db: database.db, logger }),
        consumeAccountDirectory({ kafka, db: database.db, logger }),
      ]);
      return {
        context,
        close: async () => {
          await Promise.all([accounts.stop(), directory.stop()]);
          await relay.stop();
        },
      };
    },
  });
}
