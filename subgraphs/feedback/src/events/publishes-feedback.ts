import { Topics, writeEvent, type FeedbackEventType } from '@medappt/platform';
import type { FeedbackRow } from '../db/schema.ts';
import type { FeedbackTx } from '../repository/db.ts';

/**
 * Writes a feedback event to the outbox in the change's transaction, keyed by the doctor (their
 * ratings stay in order). Ids and scores only: the comment never leaves this database.
 */
export async function publishFeedbackEvent(tx: FeedbackTx, type: FeedbackEventType, row: FeedbackRow): Promise<void> {
  await writeEvent(tx, Topics.feedback.name, {
    type,
    key: row.doctorId,
    payload: {
      feedbackId: row.id,
      appointmentId: row.appointmentId,
      doctorId: row.doctorId,
      patientId: row.patientId,
      overall: row.overall,
      bedsideManner: row.bedsideManner,
      waitTime: row.waitTime,
      hasComment: row.comment !== null,
      commentHidden: row.hiddenAt !== null,
    },
  });
}
