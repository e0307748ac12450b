import { createKafka, ensureTopics, startOutboxRelay, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import type { FeedbackConfig } from './config.ts';
import { createFeedbackContext } from './context.ts';
import * as schema from './db/schema.ts';
import { consumeAppointments } from './events/consumes-appointments.ts';
import { resolvers } from './generated/resolvers.ts';

/** Starts the feedback subgraph: ratings of completed visits, Doctor.rating and public reviews. */
export function startFeedback(config: FeedbackConfig): Promise<RunningService> {
  return startSubgraph({
    name: 'feedback',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const policy = { windowDays: config.FEEDBACK_WINDOW_DAYS, editDays: config.FEEDBACK_EDIT_DAYS };
      const context = (base: BaseContext) => createFeedbackContext(base, { db: database.db, policy });
      if (!config.KAFKA_BROKERS) {
        logger.warn('KAFKA_BROKERS is not set: no completed visits are heard of (so none can be rated), and feedback events wait in the outbox');
        return { context };
      }
      const kafka = createKafka('feedback', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.feedback, Topics.appointments]);
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      const visits = await consumeAppointments({ kafka, db: database.db, logger });
      return {
        context,
        close: async () => {
          await visits.stop();
          await relay.stop();
        },
      };
    },
  });
}
