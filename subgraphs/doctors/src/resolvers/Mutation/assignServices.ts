import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/assign-services.ts';

export const assignServices: NonNullable<MutationResolvers['assignServices']> = (_parent, args, ctx) => useCase.assignServices(ctx, args);
