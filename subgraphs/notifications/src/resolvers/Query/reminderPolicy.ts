import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getReminderPolicy } from '../../use-cases/get-reminder-policy.ts';

export const reminderPolicy: QueryResolvers['reminderPolicy'] = (_parent, args, ctx) => getReminderPolicy(ctx, args);
