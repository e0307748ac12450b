import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { markAllNotificationsRead as markAllRead } from '../../use-cases/mark-all-notifications-read.ts';

export const markAllNotificationsRead: MutationResolvers['markAllNotificationsRead'] = (_parent, _args, ctx) => markAllRead(ctx);
