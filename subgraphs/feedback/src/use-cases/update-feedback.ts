import { codedError, ErrorCode, notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { checkFeedbackFields, idProblems, periodOf } from '../domain/feedback-rules.ts';
import { ratingDelta } from '../domain/rating-aggregate.ts';
import { publishFeedbackEvent } from '../events/publishes-feedback.ts';
import type { UpdateFeedbackInput } from '../generated/resolvers-types.ts';
import { addToDoctorRating } from '../repository/doctor-ratings.ts';
import { lockFeedback, updateFeedbackRow } from '../repository/feedback-entries.ts';

/**
 * Its author changes a rating within the edit window; the doctor's totals move from the old
 * scores to the new in the same transaction. A comment STAFF hid stays hidden when it is edited.
 */
export async function updateFeedback(ctx: FeedbackContext, args: { id: string; input: UpdateFeedbackInput }): Promise<FeedbackRow> {
  const patient = requireRole(ctx.auth, 'PATIENT');
  rejectProblems(idProblems('id', args.id));
  const { problems, fields } = checkFeedbackFields(args.input, 'change');
  rejectProblems(problems, 'input');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockFeedback(tx, args.id.toLowerCase());
    if (!before || before.patientId !== patient.userId) throw notFound('Feedback', args.id);
    const edit = periodOf(before.submittedAt, ctx.policy.editDays, now);
    if (!edit.open) {
      throw codedError(
        ErrorCode.TOO_LATE,
        `Feedback can be changed for ${ctx.policy.editDays} days after it was submitted; this one until ${edit.closesAt.toISOString()}.`,
        {
          closedAt: edit.closesAt.toISOString(),
        },
      );
    }
    const after = await updateFeedbackRow(tx, before.id, { ...fields, updatedAt: now });
    await addToDoctorRating(tx, after.doctorId, ratingDelta(before, after));
    await publishFeedbackEvent(tx, 'feedback.updated', after);
    return after;
  });
}
