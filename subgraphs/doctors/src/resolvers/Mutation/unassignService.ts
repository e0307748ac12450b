import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/unassign-service.ts';

export const unassignService: NonNullable<MutationResolvers['unassignService']> = (_parent, args, ctx) => useCase.unassignService(ctx, args);
