import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findAvailableSlots } from '../../use-cases/find-available-slots.ts';

export const availableSlots: NonNullable<QueryResolvers['availableSlots']> = (_parent, args, ctx) => findAvailableSlots(ctx, args);
