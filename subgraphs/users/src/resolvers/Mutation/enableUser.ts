import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/enable-user.ts';

export const enableUser: NonNullable<MutationResolvers['enableUser']> = (_parent, args, ctx) => useCase.enableUser(ctx, args);
