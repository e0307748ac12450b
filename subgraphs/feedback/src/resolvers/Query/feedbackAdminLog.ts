import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listModerationLog } from '../../use-cases/list-moderation-log.ts';

export const feedbackAdminLog: NonNullable<QueryResolvers['feedbackAdminLog']> = (_parent, args, ctx) => listModerationLog(ctx, args);
