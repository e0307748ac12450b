import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/add-time-off.ts';

export const addTimeOff: NonNullable<MutationResolvers['addTimeOff']> = (_parent, { input }, ctx) => useCase.addTimeOff(ctx, input);
