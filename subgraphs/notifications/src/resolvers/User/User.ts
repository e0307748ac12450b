import type { UserResolvers } from '../../generated/resolvers-types.ts';
import { countUnreadNotifications } from '../../use-cases/count-unread-notifications.ts';
import { listNotifications } from '../../use-cases/list-notifications.ts';

export const User: UserResolvers = {
  notifications: (user, args, ctx) => listNotifications(ctx, { userId: user.id, ...args }),
  unreadNotificationCount: (user, _args, ctx) => countUnreadNotifications(ctx, { userId: user.id }),
};
