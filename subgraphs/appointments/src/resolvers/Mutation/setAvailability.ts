import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/set-availability.ts';

export const setAvailability: NonNullable<MutationResolvers['setAvailability']> = (_parent, { input }, ctx) => useCase.setAvailability(ctx, input);
