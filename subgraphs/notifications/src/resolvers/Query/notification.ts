import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getNotification } from '../../use-cases/get-notification.ts';

export const notification: QueryResolvers['notification'] = (_parent, args, ctx) => getNotification(ctx, args);
