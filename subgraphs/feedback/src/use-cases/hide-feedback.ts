import { notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { hideProblems, idProblems } from '../domain/feedback-rules.ts';
import { publishFeedbackEvent } from '../events/publishes-feedback.ts';
import { lockFeedback, updateFeedbackRow } from '../repository/feedback-entries.ts';
import { recordModeration } from '../repository/moderation-log.ts';

/**
 * STAFF take an abusive comment out of the doctor's and the public's view, with a reason kept in
 * the admin log. The scores still count, so the doctor's rating does not change. Hiding a hidden
 * comment changes nothing.
 */
export async function hideFeedback(ctx: FeedbackContext, args: { id: string; reason: string }): Promise<FeedbackRow> {
  const staff = requireRole(ctx.auth, 'STAFF');
  rejectProblems(idProblems('id', args.id));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockFeedback(tx, args.id.toLowerCase());
    if (!row) throw notFound('Feedback', args.id);
    const { problems, reason } = hideProblems(row, args.reason);
    rejectProblems(problems);
    if (row.hiddenAt) return row;
    const hidden = await updateFeedbackRow(tx, row.id, { hiddenAt: now, hiddenBy: staff.userId, hiddenReason: reason });
    await recordModeration(tx, staff, { action: 'feedback.hide', feedbackId: row.id, changes: { commentHidden: true, reason } });
    await publishFeedbackEvent(tx, 'feedback.hidden', hidden);
    return hidden;
  });
}
