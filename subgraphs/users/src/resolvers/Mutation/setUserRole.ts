import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/set-user-role.ts';

export const setUserRole: NonNullable<MutationResolvers['setUserRole']> = (_parent, args, ctx) => useCase.setUserRole(ctx, args);
