import type { Kafka } from 'kafkajs';
import {
  createKafka,
  dispatchEvent,
  emailSender,
  ensureTopics,
  startEventConsumer,
  startOutboxRelay,
  startPoller,
  startSubgraph,
  Topics,
  type BaseContext,
  type EventConsumer,
  type Logger,
  type RunningService,
} from '@medappt/platform';
import { logSmsSender } from './adapters/log-sms-sender.ts';
import { shippedTemplates } from './adapters/template-files.ts';
import type { NotificationsConfig } from './config.ts';
import { createNotificationsContext, type NotificationsDeps } from './context.ts';
import * as schema from './db/schema.ts';
import { DEFAULT_RETRY_POLICY } from './domain/retry.ts';
import { consumeAppointments } from './events/consumes-appointments.ts';
import { consumeBilling } from './events/consumes-billing.ts';
import { doctorEventHandlers } from './events/consumes-doctors.ts';
import { userEventHandlers } from './events/consumes-users.ts';
import { resolvers } from './generated/resolvers.ts';
import type { NotificationsDb } from './repository/db.ts';
import { DELIVERIES_CHANNEL } from './repository/notifications.ts';
import { deliverDue, type DeliveryWorkerDeps } from './workers/delivery-worker.ts';
import { remindDue, type ReminderWorkerDeps } from './workers/reminder-worker.ts';

/**
 * Keeps what messages need to name: accounts (name, email), doctors, clinics (place, time zone),
 * services. One consumer group for both topics, so its offsets and processed events carry on.
 */
function consumeDirectory(deps: { kafka: Kafka; db: NotificationsDb; logger: Logger }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.directory',
    topics: [Topics.users.name, Topics.doctors.name],
    async handle(event, tx) {
      const handled = await dispatchEvent(event, { ...userEventHandlers(tx), ...doctorEventHandlers(tx) });
      if (!handled) deps.logger.debug({ type: event.type }, 'directory event ignored');
    },
  });
}

/**
 * Starts the notifications subgraph: the inbox and preferences API, the consumers that turn
 * appointment events into notices and reminders and billing events into notices, the reminder and
 * delivery workers, and the relay that publishes each new inbox item (notification.created) from
 * the outbox.
 * `now` is the clock of the consumers and workers (tests move it instead of sleeping).
 */
export async function startNotifications(config: NotificationsConfig, options: { now?: () => Date } = {}): Promise<RunningService> {
  // Before anything listens: a broken template stops the service, naming every problem.
  const templates = shippedTemplates();
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
      const reminderDeps: ReminderWorkerDeps = { db: database.db, logger, now, batchSize: 50, templates };
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
      await ensureTopics(kafka, [Topics.appointments, Topics.doctors, Topics.users, Topics.notifications, Topics.billing]);
      const directory = await consumeDirectory({ kafka, db: database.db, logger });
      const noticeMaxAgeMs = config.NOTICE_MAX_AGE_MINUTES * 60_000;
      const appointments = await consumeAppointments({
        kafka,
        db: database.db,
        logger,
        now,
        reminderDefaults: config.DEFAULT_REMINDER_OFFSETS,
        noticeMaxAgeMs,
        feedbackWindowDays: config.FEEDBACK_WINDOW_DAYS,
        templates,
      });
      const billing = await consumeBilling({ kafka, db: database.db, logger, now, noticeMaxAgeMs, templates });
      const relay = await startOutboxRelay({ sql: database.sql, kafka, logger });
      return {
        context,
        close: async () => {
          await Promise.all([appointments.stop(), billing.stop(), directory.stop()]);
          await stopWorkers();
          // Last: the consumers and the reminder worker write to the outbox until they stop.
          await relay.stop();
        },
      };
    },
  });
}
