import { listAdminActions, recordAdminAction, type AdminActionRow, type Viewer } from '@medappt/platform';
import type { FeedbackDbOrTx, FeedbackTx } from './db.ts';

/** A hide or restore, in the transaction of the change (platform admin-log). */
export function recordModeration(
  tx: FeedbackTx,
  actor: Viewer,
  entry: { action: 'feedback.hide' | 'feedback.restore'; feedbackId: string; changes: Record<string, unknown> },
): Promise<void> {
  return recordAdminAction(tx, actor, { action: entry.action, entityType: 'Feedback', entityId: entry.feedbackId, changes: entry.changes });
}

export function moderationLog(db: FeedbackDbOrTx, filter: { entityId: string | null; first: number }): Promise<AdminActionRow[]> {
  return listAdminActions(db, { entityType: 'Feedback', entityId: filter.entityId, first: filter.first });
}
