import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/set-clinic-price.ts';

export const setClinicPrice: NonNullable<MutationResolvers['setClinicPrice']> = (_parent, args, ctx) => useCase.setClinicPrice(ctx, args);
