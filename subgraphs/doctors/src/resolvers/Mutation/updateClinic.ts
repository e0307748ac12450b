import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/update-clinic.ts';

export const updateClinic: NonNullable<MutationResolvers['updateClinic']> = (_parent, args, ctx) => useCase.updateClinic(ctx, args);
