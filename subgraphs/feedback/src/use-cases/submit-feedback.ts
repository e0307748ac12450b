import { randomUUID } from 'node:crypto';
import { badUserInput, codedError, ErrorCode, notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { checkFeedbackFields, eligibility, idProblems, type FeedbackFields } from '../domain/feedback-rules.ts';
import { ratingDelta } from '../domain/rating-aggregate.ts';
import { publishFeedbackEvent } from '../events/publishes-feedback.ts';
import type { SubmitFeedbackInput } from '../generated/resolvers-types.ts';
import { addToDoctorRating } from '../repository/doctor-ratings.ts';
import { insertFeedback } from '../repository/feedback-entries.ts';
import { findVisit } from '../repository/visits.ts';

/**
 * The patient of a COMPLETED visit rates it, once, within the window. The rating, the doctor's
 * totals and the event commit together; any refusal leaves nothing behind.
 */
export async function submitFeedback(ctx: FeedbackContext, input: SubmitFeedbackInput): Promise<FeedbackRow> {
  const patient = requireRole(ctx.auth, 'PATIENT');
  rejectProblems(idProblems('appointmentId', input.appointmentId), 'input');
  const { problems, fields } = checkFeedbackFields(input, 'new');
  rejectProblems(problems, 'input');
  const scores = fields as FeedbackFields;
  const appointmentId = input.appointmentId.toLowerCase();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const visit = await findVisit(tx, appointmentId);
    const verdict = eligibility(visit, patient.userId, now, ctx.policy);
    switch (verdict.verdict) {
      case 'not-found':
        throw notFound('Appointment', input.appointmentId);
      case 'not-completed':
        throw badUserInput('input.appointmentId', `is not a completed visit (it is ${verdict.status}): a visit can be rated once it is marked completed`);
      case 'too-late':
        throw codedError(
          ErrorCode.TOO_LATE,
          `A visit can be rated within ${ctx.policy.windowDays} days of its completion; for this one that ended at ${verdict.closesAt.toISOString()}.`,
          { closedAt: verdict.closesAt.toISOString() },
        );
      case 'ok':
        break;
    }
    const row = await insertFeedback(tx, {
      id: randomUUID(),
      appointmentId,
      patientId: patient.userId,
      doctorId: visit!.doctorId,
      visitStartAt: visit!.startAt,
      visitTimeZone: visit!.timeZone,
      ...scores,
      submittedAt: now,
      updatedAt: now,
    });
    if (!row) throw badUserInput('input.appointmentId', 'already has your feedback (one per visit): change it with updateFeedback');
    await addToDoctorRating(tx, row.doctorId, ratingDelta(null, row));
    await publishFeedbackEvent(tx, 'feedback.submitted', row);
    return row;
  });
}
