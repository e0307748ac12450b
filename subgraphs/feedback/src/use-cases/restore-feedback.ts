import { notFound, rejectProblems, requireRole } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import type { FeedbackRow } from '../db/schema.ts';
import { idProblems } from '../domain/feedback-rules.ts';
import { publishFeedbackEvent } from '../events/publishes-feedback.ts';
import { lockFeedback, updateFeedbackRow } from '../repository/feedback-entries.ts';
import { recordModeration } from '../repository/moderation-log.ts';

/** STAFF show a hidden comment again (logged); restoring a comment that is not hidden changes nothing. */
export async function restoreFeedback(ctx: FeedbackContext, args: { id: string }): Promise<FeedbackRow> {
  const staff = requireRole(ctx.auth, 'STAFF');
  rejectProblems(idProblems('id', args.id));
  return ctx.db.transaction(async (tx) => {
    const row = await lockFeedback(tx, args.id.toLowerCase());
    if (!row) throw notFound('Feedback', args.id);
    if (!row.hiddenAt) return row;
    const restored = await updateFeedbackRow(tx, row.id, { hiddenAt: null, hiddenBy: null, hiddenReason: null });
    await recordModeration(tx, staff, { action: 'feedback.restore', feedbackId: row.id, changes: { commentHidden: false } });
    await publishFeedbackEvent(tx, 'feedback.restored', restored);
    return restored;
  });
}
