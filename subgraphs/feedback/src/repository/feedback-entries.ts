import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { feedbackEntries, type FeedbackRow } from '../db/schema.ts';
import type { FeedbackDbOrTx, FeedbackTx } from './db.ts';

export type NewFeedback = typeof feedbackEntries.$inferInsert;

/** The new row, or null when the appointment already has feedback (the unique appointment id). */
export async function insertFeedback(tx: FeedbackTx, row: NewFeedback): Promise<FeedbackRow | null> {
  const [inserted] = await tx.insert(feedbackEntries).values(row).onConflictDoNothing({ target: feedbackEntries.appointmentId }).returning();
  return inserted ?? null;
}

/** The row, locked until the transaction ends: two edits of one rating apply one after the other. */
export async function lockFeedback(tx: FeedbackTx, id: string): Promise<FeedbackRow | null> {
  const [row] = await tx.select().from(feedbackEntries).where(eq(feedbackEntries.id, id)).for('update');
  return row ?? null;
}

export async function updateFeedbackRow(tx: FeedbackTx, id: string, set: Partial<NewFeedback>): Promise<FeedbackRow> {
  const [row] = await tx.update(feedbackEntries).set(set).where(eq(feedbackEntries.id, id)).returning();
  if (!row) throw new Error(`feedback ${id} vanished inside its own transaction`);
  return row;
}

export async function feedbackOfAppointments(db: FeedbackDbOrTx, appointmentIds: readonly string[]): Promise<FeedbackRow[]> {
  if (appointmentIds.length === 0) return [];
  return db
    .select()
    .from(feedbackEntries)
    .where(inArray(feedbackEntries.appointmentId, [...appointmentIds]));
}

/** A doctor's ratings, newest first, `limit` of them from before `beforeSeq`. */
export async function reviewsOfDoctor(db: FeedbackDbOrTx, doctorId: string, page: { beforeSeq: number | null; limit: number }): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(feedbackEntries)
    .where(and(eq(feedbackEntries.doctorId, doctorId), page.beforeSeq === null ? undefined : lt(feedbackEntries.seq, page.beforeSeq)))
    .orderBy(desc(feedbackEntries.seq))
    .limit(page.limit);
}
