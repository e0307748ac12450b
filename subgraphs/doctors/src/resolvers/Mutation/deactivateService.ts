import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/deactivate-service.ts';

export const deactivateService: NonNullable<MutationResolvers['deactivateService']> = (_parent, args, ctx) => useCase.deactivateService(ctx, args);
