import { createKafka, ensureTopics, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { PatientsConfig } from './config.ts';
import { createPatientsContext } from './context.ts';
import * as schema from './db/schema.ts';
import { consumeAppointmentEvents } from './events/consumes-appointments.ts';
import { consumeAccountEvents } from './events/consumes-users.ts';
import { resolvers } from './generated/resolvers.ts';

/** Starts the patients subgraph: profiles (one per PATIENT account), medical records (PHI) and the care relation read model. */
export function startPatients(config: PatientsConfig, options: { now?: () => Date } = {}): Promise<RunningService> {
  return startSubgraph({
    name: 'patients',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const deps = { db: database.db, now: options.now ?? (() => new Date()), careAccessDays: config.CARE_ACCESS_DAYS };
      const context = (base: BaseContext) => createPatientsContext(base, deps);
      if (!config.KAFKA_BROKERS) {
        // Fails safe: without appointment events no doctor gains access to any record.
        logger.warn('KAFKA_BROKERS is not set: no appointment events arrive, so doctors can read no medical records');
        return { context };
      }
      const kafka = createKafka('patients', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.appointments, Topics.users]);
      const consumers = await Promise.all([
        consumeAppointmentEvents({ kafka, db: database.db, logger }),
        consumeAccountEvents({ kafka, db: database.db, logger }),
      ]);
      return { context, close: async () => void (await Promise.all(consumers.map((c) => c.stop()))) };
    },
  });
}
