import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/remove-time-off.ts';

export const removeTimeOff: NonNullable<MutationResolvers['removeTimeOff']> = (_parent, args, ctx) => useCase.removeTimeOff(ctx, args);
