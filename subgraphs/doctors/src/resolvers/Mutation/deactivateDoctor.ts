import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/deactivate-doctor.ts';

export const deactivateDoctor: NonNullable<MutationResolvers['deactivateDoctor']> = (_parent, args, ctx) => useCase.deactivateDoctor(ctx, args);
