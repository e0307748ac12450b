import { createKafka, emailSender, ensureTopics, startOutboxRelay, startPoller, startSubgraph, Topics, type BaseContext, type RunningService } from '@medappt/platform';
import { logSmsSender } from './channels/senders.ts';
import type { NotificationsConfig } from './config.ts';
import { createNotificationsContext, type NotificationsDeps } from './context.ts';
import * as schema from './db/schema.ts';
import { consumeAppointmentEvents } from './events/appointment-events.ts';
import { consumeDirectoryEvents } from './events/directory-events.ts';
import { DEFAULT_RETRY_POLICY } from './domain/retry.ts';
import { DELIVERIES_CHANNEL } from './repository/notifications.ts';
import { resolvers } from './resolvers/index.ts';
import { deliverDue, type DeliveryWorkerDeps } from './workers/delivery-worker.ts';
import { remindDue, type ReminderWorkerDeps } from './workers/reminder-worker.ts';

/**
 * Starts the notifications subgraph: the inbox and preferences API, the consumers that turn
 * appointment events into notices and reminders, the reminder and delivery workers, and the relay
 * that publishes each new inbox item (notification.created) from the outbox.
 * `now` is the clock of the consumers and workers (tests move it instead of sleeping).
 */
export function startNotifications(config: NotificationsConfig, options: { now?: () => Date } = {}): Promise<RunningService> {
  return startSubgraph({
    name: 'notifications',
    config,
    srcDir: new URL('.', import.meta.url),
    resolvers,
    dbSchema: schema,
    async setup({ database, logger }) {
      const now = options.now ?? (() => new Date());
      const deps: NotificationsDeps = { db: database.db, now, reminderDefaults: config.DEFAULT_REMINDER_OFFSETS };
      const context = (base: BaseContext) => createNotificationsContext(base, deps);

      if (!config.SMTP_URL) logger.warn('SMTP_URL is not set: emails are written to the log; the in-app inbox gets every notification');
      const email = emailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger });
      const deliveryDeps: DeliveryWorkerDeps = {
        db: database.db,
        logger,
        now,
        senders: { EMAIL: email, SMS: logSmsSender(logger) },
        retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.DELIVERY_MAX_ATTEMPTS, baseDelayMs: config.DELIVERY_RETRY_BASE_MS },
        batchSize: 20,
      };
      const reminderDeps: ReminderWorkerDeps = { db: database.db, logger, now, batchSize: 50 };
      const delivery = startPoller('delivery worker', {
        intervalMs: config.WORKER_POLL_MS,
        logger,
        pass: async () => ({ full: (await deliverDue(deliveryDeps)) >= deliveryDeps.batchSize }),
      });
      const reminders = startPoller('reminder worker', {
        intervalMs: config.WORKER_POLL_MS,
        logger,
        pass: async () => ({ full: (await remindDue(reminderDeps)) >= reminderDeps.batchSize }),
      });
      const listening = await database.sql.listen(DELIVERIES_CHANNEL, () => delivery.wake());
      const stopWorkers = async () => {
        await listening.unlisten();
        await Promise.all([delivery.stop(), reminders.stop()]);
        email.close();
      };

      if (!config.KAFKA_BROKERS) {
        logger.warn('KAFKA_BROKERS is not set: no appointment events arrive, so nobody is notified');
        return { context, close: stopWorkers };
      }
      const kafka = createKafka('notifications', config.KAFKA_BROKERS, logger);
      await ensureTopics(kafka, [Topics.appointments, Topics.doctors, Topics.users, Topics.notifications]);
      const directory = await consumeDirectoryEvents({ kafka, db: database.db, logger });
      const appointments = await consumeAppointmentEvents({ kafka, db: database.db, logger, now, reminderDefaults: config.DEFAULT_REMINDER_OFFSETS, noticeMaxAgeMs: config.NOTICE_MAX_AGE_MINUTES * 60_000 });
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      return {
        context,
        close: async () => {
          await Promise.all([appointments.stop(), directory.stop()]);
          await stopWorkers();
          // Last: the consumers and the reminder worker write to the outbox until they stop.
          await relay.stop();
        },
      };
    },
  });
}
