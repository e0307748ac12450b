import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { markNotificationRead as markRead } from '../../use-cases/mark-notification-read.ts';

export const markNotificationRead: MutationResolvers['markNotificationRead'] = (_parent, args, ctx) => markRead(ctx, args);
