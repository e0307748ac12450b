import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/deactivate-clinic.ts';

export const deactivateClinic: NonNullable<MutationResolvers['deactivateClinic']> = (_parent, args, ctx) => useCase.deactivateClinic(ctx, args);
