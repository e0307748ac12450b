import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/update-doctor.ts';

export const updateDoctor: NonNullable<MutationResolvers['updateDoctor']> = (_parent, args, ctx) => useCase.updateDoctor(ctx, args);
