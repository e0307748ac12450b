import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { adminActions, outbox, processedEvents } from '@medappt/platform';

export { adminActions, outbox, processedEvents };

/**
 * The eligibility read model: every appointment as appointments.events.v1 last described it. A
 * visit may be rated once `status` is COMPLETED; `completedAt` (the event's time) starts the window.
 */
export const visits = pgTable(
  'visits',
  {
    appointmentId: uuid('appointment_id').primaryKey(),
    patientId: uuid('patient_id').notNull(),
    doctorId: uuid('doctor_id').notNull(),
    status: text('status').notNull(),
    startAt: timestamp('start_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The clinic's IANA zone: the month of the visit is the month there. */
    timeZone: text('time_zone').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    lastEventAt: timestamp('last_event_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('visits_patient_idx').on(t.patientId)],
);
export type VisitRow = typeof visits.$inferSelect;

/** One patient's rating of one visit: once per appointment, by the database. */
export const feedbackEntries = pgTable(
  'feedback_entries',
  {
    id: uuid('id').primaryKey(),
    /** Public order (newest first) without a timestamp in the cursor: when someone wrote is near when they were seen. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    appointmentId: uuid('appointment_id').notNull().unique(),
    patientId: uuid('patient_id').notNull(),
    doctorId: uuid('doctor_id').notNull(),
    /** The visit's start and zone, copied at submission: what the public review's month comes from. */
    visitStartAt: timestamp('visit_start_at', { withTimezone: true, mode: 'date' }).notNull(),
    visitTimeZone: text('visit_time_zone').notNull(),
    overall: smallint('overall').notNull(),
    bedsideManner: smallint('bedside_manner'),
    waitTime: smallint('wait_time'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true, mode: 'date' }),
    hiddenBy: uuid('hidden_by'),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [
    index('feedback_entries_doctor_idx').on(t.doctorId, t.seq),
    check('feedback_entries_overall_range', sql`${t.overall} between 1 and 5`),
    check('feedback_entries_bedside_range', sql`${t.bedsideManner} between 1 and 5`),
    check('feedback_entries_wait_range', sql`${t.waitTime} between 1 and 5`),
  ],
);
export type FeedbackRow = typeof feedbackEntries.$inferSelect;

/**
 * Doctor.rating as a read model, changed in the transaction of every submit and edit by
 * increments (so two patients rating one doctor at once both count).
 */
export const doctorRatings = pgTable('doctor_ratings', {
  doctorId: uuid('doctor_id').primaryKey(),
  count: integer('count').notNull().default(0),
  overallSum: integer('overall_sum').notNull().default(0),
  overall1: integer('overall_1').notNull().default(0),
  overall2: integer('overall_2').notNull().default(0),
  overall3: integer('overall_3').notNull().default(0),
  overall4: integer('overall_4').notNull().default(0),
  overall5: integer('overall_5').notNull().default(0),
  bedsideMannerCount: integer('bedside_manner_count').notNull().default(0),
  bedsideMannerSum: integer('bedside_manner_sum').notNull().default(0),
  waitTimeCount: integer('wait_time_count').notNull().default(0),
  waitTimeSum: integer('wait_time_sum').notNull().default(0),
});
export type DoctorRatingRow = typeof doctorRatings.$inferSelect;
