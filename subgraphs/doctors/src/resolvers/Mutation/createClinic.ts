import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/create-clinic.ts';

export const createClinic: NonNullable<MutationResolvers['createClinic']> = (_parent, { input }, ctx) => useCase.createClinic(ctx, input);
