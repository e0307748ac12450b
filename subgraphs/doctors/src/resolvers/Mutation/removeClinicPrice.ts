import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/remove-clinic-price.ts';

export const removeClinicPrice: NonNullable<MutationResolvers['removeClinicPrice']> = (_parent, args, ctx) => useCase.removeClinicPrice(ctx, args);
