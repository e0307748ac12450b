import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/create-service.ts';

export const createService: NonNullable<MutationResolvers['createService']> = (_parent, { input }, ctx) => useCase.createService(ctx, input);
