import type { NotificationResolvers } from '../../generated/resolvers-types.ts';

export const Notification: NotificationResolvers = {
  deliveries: (notification, _args, ctx) => ctx.loaders.deliveriesOf.load(notification),
};
