import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { setReminderPolicy as setPolicy } from '../../use-cases/set-reminder-policy.ts';

export const setReminderPolicy: MutationResolvers['setReminderPolicy'] = (_parent, args, ctx) => setPolicy(ctx, args);
