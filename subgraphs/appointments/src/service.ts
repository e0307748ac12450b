import { createKafka, ensureTopics, startOutboxRelay, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { AppointmentsConfig } from './config.ts';
import { createAppointmentsContext } from './context.ts';
import * as schema from './db/schema.ts';
import { SharedWork } from './domain/shared-work.ts';
import { consumeDoctors } from './events/consumes-doctors.ts';
import { consumeUsers } from './events/consumes-users.ts';
import { resolvers } from './generated/resolvers.ts';
import { ALTERNATIVES_SHARED_MS } from './use-cases/booking-terms.ts';
import type { SlotModel } from './use-cases/slot-search.ts';

/** Starts the appointments subgraph: hours, slots, bookings and their workflow; publishes every change. */
export function startAppointments(config: AppointmentsConfig, options: { now?: () => Date } = {}): Promise<RunningService> {
  return startSubgraph({
    name: 'appointments',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const deps = {
        db: database.db,
        now: options.now ?? (() => new Date()),
        policy: { patientCutoffMinutes: config.PATIENT_CUTOFF_MINUTES },
        shared: { alternatives: new SharedWork<SlotModel[]>({ ttlMs: ALTERNATIVES_SHARED_MS, clock: () => performance.now() }) },
      };
      const context = (base: BaseContext) => createAppointmentsContext(base, deps);
      if (!config.KAFKA_BROKERS) {
        logger.warn(
          'KAFKA_BROKERS is not set: the catalogue and accounts read models stay empty (staff cannot book) and events stay in the outbox until a broker is configured',
        );
        return { context };
      }
      const kafka = createKafka('appointments', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.appointments, Topics.doctors, Topics.users]);
      const [catalogue, accounts] = await Promise.all([consumeDoctors({ kafka, db: database.db, logger }), consumeUsers({ kafka, db: database.db, logger })]);
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      return {
        context,
        close: async () => {
          await relay.stop();
          await Promise.all([catalogue.stop(), accounts.stop()]);
        },
      };
    },
  });
}
