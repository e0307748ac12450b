import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/create-doctor.ts';

export const createDoctor: NonNullable<MutationResolvers['createDoctor']> = (_parent, { input }, ctx) => useCase.createDoctor(ctx, input);
