import { pageSize, rejectProblems, requireRole, type AdminActionRow } from '@medappt/platform';
import type { FeedbackContext } from '../context.ts';
import { idProblems } from '../domain/feedback-rules.ts';
import { moderationLog } from '../repository/moderation-log.ts';

/** Hides and restores, newest first: STAFF (who moderate) and ADMIN. */
export async function listModerationLog(ctx: FeedbackContext, args: { entityId?: string | null; first?: number | null }): Promise<AdminActionRow[]> {
  requireRole(ctx.auth, 'STAFF', 'ADMIN');
  if (args.entityId) rejectProblems(idProblems('entityId', args.entityId));
  return moderationLog(ctx.db, { entityId: args.entityId?.toLowerCase() ?? null, first: pageSize(args.first, { default: 50, max: 500 }) });
}
