import { sql, type SQL } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export { outbox, processedEvents } from '@medappt/platform';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The due indexes' predicates, shared by the indexes and the queries that should use them. As
// literals: a prepared statement's generic plan cannot use a partial index whose predicate it
// only meets through parameters, and seq-scanned every delivery ever sent instead (#15).
type WithStatus = { status: AnyPgColumn };
/** A delivery still to be attempted. */
export const deliveryOpen = (t: WithStatus): SQL => sql`${t.status} in ('PENDING', 'RETRYING')`;
/** A reminder not yet sent or dropped. */
export const reminderPending = (t: WithStatus): SQL => sql`${t.status} = 'PENDING'`;

// ---- Read models, kept from events (users, doctors and appointments own the data) ----

/** Whom we can reach: accounts from users.events.v1 (name, email). */
export const contacts = pgTable('contacts', {
  userId: uuid('user_id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  disabledAt: instant('disabled_at'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const catalogueDoctors = pgTable('catalogue_doctors', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  clinicId: uuid('clinic_id').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const catalogueClinics = pgTable('catalogue_clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  address: text('address'),
  updatedAt: instant('updated_at').notNull(),
});

export const catalogueServices = pgTable('catalogue_services', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** The latest known state of each appointment, for reminders (when is the visit, is it still on). */
export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey(),
  patientId: uuid('patient_id').notNull(),
  doctorId: uuid('doctor_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  startAt: instant('start_at').notNull(),
  endAt: instant('end_at').notNull(),
  status: text('status').notNull(),
  timeZone: text('time_zone'),
  /** occurredAt of the event this row reflects: an older event never overwrites a newer state. */
  eventAt: instant('event_at').notNull(),
});

// ---- Owned here ----

/** Per-user channel preferences; a user without a row gets the defaults (email and inbox, English). */
export const preferences = pgTable('preferences', {
  userId: uuid('user_id').primaryKey(),
  locale: text('locale').notNull().default('en'),
  email: boolean('email').notNull().default(true),
  sms: boolean('sms').notNull().default(false),
  smsNumber: text('sms_number'),
  optOut: text('opt_out')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  quietTimeZone: text('quiet_time_zone'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Reminder offsets per clinic; a clinic without a row uses the service default. */
export const reminderPolicies = pgTable('reminder_policies', {
  clinicId: uuid('clinic_id').primaryKey(),
  offsetsMinutes: integer('offsets_minutes').array().notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** The in-app inbox: every notification a user was sent, rendered once in their locale. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    appointmentId: uuid('appointment_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    locale: text('locale').notNull(),
    /** The event or reminder that caused it, for tracing. */
    sourceId: text('source_id').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    readAt: instant('read_at'),
  },
  (t) => [
    index('notifications_inbox_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    uniqueIndex('notifications_source_uq').on(t.sourceId, t.userId, t.type),
  ],
);

/**
 * The delivery log: one row per notification and outside channel (email, SMS), with its status.
 * Workers claim due rows with FOR UPDATE SKIP LOCKED; failed sends are retried with backoff.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    /** PENDING, SENT, RETRYING, FAILED or SKIPPED. */
    status: text('status').notNull().default('PENDING'),
    /** smtp, or log when no SMTP server / SMS gateway is configured. */
    provider: text('provider'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('deliveries_due_idx').on(t.nextAttemptAt).where(deliveryOpen(t)),
    index('deliveries_log_idx').on(t.createdAt.desc(), t.id.desc()),
    index('deliveries_notification_idx').on(t.notificationId),
  ],
);

/** Scheduled reminders: durable, claimed by workers with FOR UPDATE SKIP LOCKED. */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    appointmentId: uuid('appointment_id').notNull(),
    offsetMinutes: integer('offset_minutes').notNull(),
    dueAt: instant('due_at').notNull(),
    /** PENDING, SENT or DROPPED. */
    status: text('status').notNull().default('PENDING'),
    note: text('note'),
    handledAt: instant('handled_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('reminders_due_idx').on(t.dueAt).where(reminderPending(t)),
    index('reminders_appointment_idx').on(t.appointmentId),
    uniqueIndex('reminders_pending_uq').on(t.appointmentId, t.offsetMinutes).where(reminderPending(t)),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type PreferencesRow = typeof preferences.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type ReminderRow = typeof reminders.$inferSelect;
