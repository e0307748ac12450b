import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/update-service.ts';

export const updateService: NonNullable<MutationResolvers['updateService']> = (_parent, args, ctx) => useCase.updateService(ctx, args);
