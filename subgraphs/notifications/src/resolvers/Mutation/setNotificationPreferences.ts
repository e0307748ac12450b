import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { setNotificationPreferences as setPreferences } from '../../use-cases/set-notification-preferences.ts';

export const setNotificationPreferences: MutationResolvers['setNotificationPreferences'] = (_parent, args, ctx) => setPreferences(ctx, args.input);
