import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getNotificationPreferences } from '../../use-cases/get-notification-preferences.ts';

export const notificationPreferences: QueryResolvers['notificationPreferences'] = (_parent, _args, ctx) => getNotificationPreferences(ctx);
