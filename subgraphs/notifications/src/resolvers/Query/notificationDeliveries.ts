import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listNotificationDeliveries } from '../../use-cases/list-notification-deliveries.ts';

export const notificationDeliveries: QueryResolvers['notificationDeliveries'] = (_parent, args, ctx) => listNotificationDeliveries(ctx, args);
