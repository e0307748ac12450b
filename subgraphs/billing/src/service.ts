import { createKafka, ensureTopics, startOutboxRelay, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { BillingConfig } from './config.ts';
import { createBillingContext } from './context.ts';
import * as schema from './db/schema.ts';
import { consumeAppointmentsEvents } from './events/consumes-appointments.ts';
import { consumeDoctorsEvents } from './events/consumes-doctors.ts';
import { resolvers } from './generated/resolvers.ts';

/** Starts the billing subgraph: settings, invoices from visits and fees, payments; publishes billing.events.v1. */
export function startBilling(config: BillingConfig, options: { now?: () => Date } = {}): Promise<RunningService> {
  return startSubgraph({
    name: 'billing',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const now = options.now ?? (() => new Date());
      const context = (base: BaseContext) => createBillingContext(base, { db: database.db, now });
      if (!config.KAFKA_BROKERS) {
        logger.warn('KAFKA_BROKERS is not set: no catalogue copy and no invoices from appointments; events stay in the outbox until a broker is configured');
        return { context };
      }
      const kafka = createKafka('billing', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.billing, Topics.appointments, Topics.doctors]);
      const [catalogue, appointments] = await Promise.all([
        consumeDoctorsEvents({ kafka, db: database.db, logger }),
        consumeAppointmentsEvents({ kafka, db: database.db, logger, now }),
      ]);
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      return {
        context,
        close: async () => {
          await relay.stop();
          await Promise.all([catalogue.stop(), appointments.stop()]);
        },
      };
    },
  });
}
